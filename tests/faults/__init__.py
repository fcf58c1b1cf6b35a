"""Fault probes: full disks, locks, racing starts, kills and signals, hostile files."""
