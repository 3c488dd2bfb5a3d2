"""Forms for the working-group pages, one module per area (import from the module)."""
