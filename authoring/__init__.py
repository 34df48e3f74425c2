"""Tools for authors: `publish check` (can patients read it?) and `publish preview` (every edition as you type)."""
