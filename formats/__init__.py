"""One writer per output format, and the build that runs them."""
