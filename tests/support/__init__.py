"""Helpers shared by the end-to-end tests and the benchmark: build the site, serve it on
127.0.0.1, find Chromium, spot foreign requests and run axe-core in a page."""
