"""Sign-in, the shift handover and the administrator's screens."""
