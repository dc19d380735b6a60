"""The operation log: writing rows, sealing them into a hash chain, verifying the chain, and
the reports supervisors and auditors read."""
