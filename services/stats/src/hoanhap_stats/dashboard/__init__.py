"""The browser dashboard: static files under static/, served at /dashboard."""
