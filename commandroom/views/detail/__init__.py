"""The event detail dock (fields, reports, units, timeline, action buttons and their forms) and the shift leader's pending extensions."""
