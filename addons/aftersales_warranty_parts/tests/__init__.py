from . import test_old_part_link
