"""The incoming-call queue: reports waiting for a decision, and the forms that decide them."""
