"""Channel adapters: how each inbox type turns its traffic into conversation services."""
