"""Reusable widgets: table model base, form dialog base, pickers, chips."""
