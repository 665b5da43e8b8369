"""The scratch copy of the testsuite that tests run in.

Tests write into their preopened fixture directories, so each engine gets
its own copy of the three test directories (modules, JSON files and
fixtures) and the checked-in tree is never written. As the testsuite's
README asks, every `*.cleanup` file or directory under a test's preopens is
deleted before the test runs: tests name their scratch files so, and a
failed test leaves them behind for the next one.
"""

import os
import shutil
import stat

from suite import DIRECTORIES, directory_path


def _make_writable_and_retry(function, path, _exc_info):
    # A test may leave a directory without write or search permission.
    parent = os.path.dirname(path)
    for p in (parent, path):
        if os.path.isdir(p) and not os.path.islink(p):
            os.chmod(p, stat.S_IRWXU)
    function(path)


def remove_tree(path):
    """Deletes PATH (file, symlink or directory tree) if it exists."""
    if os.path.islink(path) or os.path.isfile(path):
        os.unlink(path)
    elif os.path.isdir(path):
        shutil.rmtree(path, onerror=_make_writable_and_retry)


def make_copy(suite_root, destination):
    """A fresh copy of the test directories at DESTINATION/DIR."""
    remove_tree(destination)
    os.makedirs(destination)
    for directory in DIRECTORIES:
        shutil.copytree(directory_path(suite_root, directory),
                        os.path.join(destination, directory), symlinks=True)


def test_directory(copy_root, test):
    """The directory of TEST inside a copy: its module and fixtures."""
    return os.path.join(copy_root, test.directory)


def delete_cleanup_leftovers(root):
    """Deletes every *.cleanup entry under ROOT, never following symlinks."""
    for dirpath, dirnames, filenames in os.walk(root):
        for name in filenames:
            if name.endswith(".cleanup"):
                os.unlink(os.path.join(dirpath, name))
        kept = []
        for name in dirnames:
            path = os.path.join(dirpath, name)
            if name.endswith(".cleanup"):
                remove_tree(path)
            elif not os.path.islink(path):
                kept.append(name)
        dirnames[:] = kept


class Workspace:
    """The runner's scratch directory: ROOT/ENGINE/ holds that engine's
    copy of the tests, ROOT/aot-executables/ the compiled modules."""

    def __init__(self, root):
        self.root = os.path.abspath(root)

    def copy_root(self, engine):
        return os.path.join(self.root, engine)
