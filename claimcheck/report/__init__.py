"""The report: pydantic models (the contract), its assembly, and one module per output format."""
