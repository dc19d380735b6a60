"""A virtual My Number card behind the real PC/SC stack (pcscd + vsmartcard-vpcd).

`card.py` answers APDUs like the card does (standard library only), `vpcd.py` connects it to
vpcd's socket, `contents.py` builds the files of a synthetic resident, `pcscd.py` runs a
private pcscd for tests, benchmarks and the demo. `python -m cardreader.virtual` inserts one.
"""
