from . import test_oem_link
