"""The live event list: the table model, its filter proxy, the filter bar and the panel."""
