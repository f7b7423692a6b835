"""What reuse and shared work saved: estimates from the records (estimate.py), their wording
(wording.py) and the data that the API, the CSV and `pipeline savings` share (document.py)."""
