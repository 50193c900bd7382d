"""The plugin's own tests: pytester runs pytest projects that use the installed plugin."""

pytest_plugins = ["pytester"]
