"""The supervision service: supervision cases, visits, risk groups, support, local models and outreach."""
