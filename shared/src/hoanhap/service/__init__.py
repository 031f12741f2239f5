"""What every service is built on: settings, the HTTP app with health endpoints, and the runner."""
