"""Certificates: who may get what (住基法 §12, §12の2, §12の3), the content to print, the issue
history, reissue of spoiled prints, and verification by a receiving office."""
