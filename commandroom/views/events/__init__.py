"""The live event list: the table model (sorting and filtering itself), its filter, the filter bar and the panel."""
