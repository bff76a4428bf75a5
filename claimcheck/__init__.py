"""claimcheck: find claims in news text, decide who stands behind them, flag what nobody does."""

__version__ = "0.1.0"
