"""dyadwatch: who did what to whom, when, and according to whom, from international news."""

__version__ = "0.1.0"
