from .oem_client import OemClient, OemError
