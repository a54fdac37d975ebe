"""Smaller rules of the agreement, one module per section: afsnit 7, 8.4, 9, 11, Bilag 4 IV (C-homes),
Bilag 4 V, Bilag 4 VIII, Bilag 5 and Bilag 14. Each function cites its section in its docstring."""
