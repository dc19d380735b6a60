from importlib.metadata import PackageNotFoundError, version

try:
    VERSION = version("madoguchi")
except PackageNotFoundError:  # running from a checkout that was not installed
    VERSION = "0.0.0+checkout"
