"""The participation network (seed 003): initiatives matched to civil servants' expertise across municipal borders.
Plain data and pure functions: the vocabulary of expertise areas, experts and initiatives, and the matching."""
