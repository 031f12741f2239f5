"""Building blocks shared by integration and e2e tests."""
