import sys
from pathlib import Path

# tests/ holds helper modules (strategies.py) imported by test files.
sys.path.insert(0, str(Path(__file__).parent))
