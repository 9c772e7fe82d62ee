"""End-to-end tests in a real browser (Debian's chromium via Playwright), and the harness that drives them."""
