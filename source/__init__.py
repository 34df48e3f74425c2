"""Everything that reads an article source: the model and the parser."""
