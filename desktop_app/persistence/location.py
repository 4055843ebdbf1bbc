r"""Where a database file lives: local disk, network share, cloud-synced folder, removable drive.

SQLite's locking relies on the file system. On a network share (SMB, NFS, SSHFS…) it is
unreliable, and a sync client (OneDrive, Dropbox, Nextcloud…) copies the file and its journal
behind SQLite's back, so Seuil refuses to open such a database for writing. A removable drive
can be unplugged in the middle of a write, so Seuil only warns. This module names the place;
the refusal, the warning and their words belong to the callers.

Standard library only, and pure enough to test on any machine: the platform, the mount table
(Linux, macOS) and the drive-type probe (Windows) can all be handed to :func:`classify_path`.

Rules, in order:

1. Any platform: a folder of the path (not the file name itself) that is a sync client's
   folder, matched case-insensitively on whole components — ``Dropbox``, ``Dropbox (Team)``,
   ``OneDrive``, ``OneDrive - Company``, ``Google Drive``, ``My Drive``/``Mon Drive``,
   ``iCloudDrive``, ``Mobile Documents``, ``Nextcloud``, ``ownCloud``, ``pCloud Drive``,
   ``Seafile``, ``Box``, ``Box Sync``, ``MEGA``, ``Tresorit``, ``kDrive``… — or anything under
   macOS's ``Library/CloudStorage/<provider>``, is *cloud_synced*. ``Boxer`` is not ``Box``.
2. Windows: a UNC path (``\\server\share``, ``//server/share``, ``\\?\UNC\server\share``)
   is *network*; otherwise the drive root (``\\?\C:\`` long paths included) is probed with
   ``GetDriveTypeW``: remote is *network*, removable and CD/DVD are *removable*, the rest
   (fixed, RAM disk, unknown) is *local*.
3. Linux and other POSIX systems: anything under ``/run/user/<uid>/gvfs/`` (GNOME's mounts of
   ``smb://``, ``sftp://``…) is *network* (*cloud_synced* for its Google Drive and OneDrive
   back-ends). Otherwise the path's mount is the one with the longest mount point containing
   it, component-wise (``/mnt/data2`` is not under ``/mnt/data``; of two mounts on the same
   point the later, uppermost one wins). A network file system type (see
   :data:`NETWORK_FS_TYPES`) is *network*, a cloud client's FUSE type is *cloud_synced*; a
   mount point below ``/media/`` or ``/run/media/`` (where udisks mounts plugged-in drives),
   any ``iso9660``/``udf`` mount (optical discs), and a ``vfat``/``exfat``/``msdos`` mount below
   ``/mnt/`` are *removable*. Everything else is *local*: ``vfat`` elsewhere is usually the EFI
   partition, ``ntfs`` under ``/mnt`` usually a dual-boot Windows partition.
4. macOS: with a mount table, as on Linux but with ``/Volumes/`` as the removable root (so an
   ``smbfs`` share under ``/Volumes`` is *network*); without one, anything under
   ``/Volumes/<name>/`` is *removable* — the boot volume's ``/Volumes/Macintosh HD`` is a
   symbolic link to ``/`` and is resolved away when the path names a file on this machine.
"""

from __future__ import annotations

import logging
import os
import posixpath
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

log = logging.getLogger(__name__)

MOUNTINFO = "/proc/self/mountinfo"

# GetDriveTypeW's answers.
DRIVE_UNKNOWN = 0
DRIVE_NO_ROOT_DIR = 1
DRIVE_REMOVABLE = 2
DRIVE_FIXED = 3
DRIVE_REMOTE = 4
DRIVE_CDROM = 5
DRIVE_RAMDISK = 6

_DRIVE_NAMES = {
    DRIVE_UNKNOWN: "unknown",
    DRIVE_NO_ROOT_DIR: "no root directory",
    DRIVE_REMOVABLE: "removable",
    DRIVE_FIXED: "fixed",
    DRIVE_REMOTE: "remote",
    DRIVE_CDROM: "CD/DVD",
    DRIVE_RAMDISK: "RAM disk",
}

NETWORK_FS_TYPES = frozenset(
    {
        # NFS, SMB/CIFS, NetWare, AFS/Coda
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "ncpfs",
        "afs",
        "coda",
        # cluster and parallel file systems
        "ceph",
        "fuse.ceph",
        "fuse.ceph-fuse",
        "glusterfs",
        "fuse.glusterfs",
        "lustre",
        "beegfs",
        "gpfs",
        "orangefs",
        # FUSE clients of remote storage
        "sshfs",
        "fuse.sshfs",
        "fuse.rclone",
        "fuse.s3fs",
        "fuse.gvfsd-fuse",
        "fuse.kio-fuse",
        "davfs",
        "fuse.davfs2",
        # host folders shared into a VM or WSL 2 (``/mnt/c`` is 9p): SQLite locking fails too
        "9p",
        "vboxsf",
        "fuse.vmhgfs-fuse",
        # macOS
        "afpfs",
        "webdav",
    }
)
"""File system types (as in mountinfo, lower case) that put the file on another machine."""

_CLOUD_FS_TYPES = {
    "fuse.onedriver": "OneDrive",
    "fuse.google-drive-ocamlfuse": "Google Drive",
    "fuse.seadrive": "Seafile",
}
_OPTICAL_FS_TYPES = frozenset({"iso9660", "udf"})
_REMOVABLE_FS_TYPES = frozenset({"vfat", "exfat", "msdos"})
_LINUX_REMOVABLE_ROOTS = ("/media", "/run/media")
_LINUX_REMOVABLE_UNDER_MNT = "/mnt"
_DARWIN_REMOVABLE_ROOTS = ("/Volumes",)

_GVFS_CLOUD_BACKENDS = {"google-drive": "Google Drive", "onedrive": "OneDrive"}
_GVFS_PREFIX_LENGTH = 4  # run / user / <uid> / gvfs

# Whole folder names, compared case-folded, and the service they belong to.
_CLOUD_FOLDERS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), service)
    for pattern, service in (
        (r"dropbox( \(.+\))?", "Dropbox"),
        # "OneDrive", "OneDrive - Association Toit" (Windows), "OneDrive-Personal" (macOS)
        (r"onedrive( ?- ?.+)?", "OneDrive"),
        # Drive for desktop's "G:\Mon Drive", older "Google Drive", macOS "GoogleDrive-<account>"
        (
            r"google ?drive(-.+)?|my drive|mon drive|mi unidad|meine ablage|il mio drive"
            r"|shared drives|drives partagés",
            "Google Drive",
        ),
        (r"icloud ?drive( \(.+\))?|mobile documents|com~apple~clouddocs", "iCloud Drive"),
        (r"nextcloud\d*", "Nextcloud"),
        (r"owncloud\d*", "ownCloud"),
        (r"pcloud ?(drive)?|pcloud sync", "pCloud"),
        (r"seafile|seadrive", "Seafile"),
        (r"box|box sync", "Box"),
        (r"mega|megasync", "MEGA"),
        (r"tresorit( drive)?", "Tresorit"),
        (r"kdrive", "kDrive"),
        (r"synology ?drive", "Synology Drive"),
        (r"proton ?drive", "Proton Drive"),
    )
)

_OCTAL_ESCAPE = re.compile(rb"\\([0-7]{3})")
_MOUNTINFO_FIXED_FIELDS = 6  # id, parent, major:minor, root, mount point, options


class LocationKind(StrEnum):
    """The kind of place a database file lives in."""

    LOCAL = "local"
    NETWORK = "network"
    CLOUD_SYNCED = "cloud_synced"
    REMOVABLE = "removable"


@dataclass(frozen=True, slots=True)
class Location:
    r"""Where :func:`classify_path` found the file.

    Attributes:
        kind: The kind of place.
        detail: What gave it away, for messages and logs. For ``cloud_synced``, the service's
            name (``"OneDrive"``), fit for a message; otherwise the share, mount or drive, e.g.
            ``"\\NAS\partage"``, ``"cifs //nas/partage on /mnt/nas"``, ``"Z:\ (remote)"``.
            Empty when nothing was known about the place.
    """

    kind: LocationKind
    detail: str = ""

    @property
    def writable_allowed(self) -> bool:
        """Whether SQLite may write there: not on a network share nor in a synced folder."""
        return self.kind not in (LocationKind.NETWORK, LocationKind.CLOUD_SYNCED)


@dataclass(frozen=True, slots=True)
class Mount:
    """One mounted file system.

    Attributes:
        mount_point: Absolute path where it is mounted, unescaped (``/media/marie/CLE USB``).
        fs_type: File system type as the kernel names it (``ext4``, ``cifs``, ``fuse.sshfs``).
        source: What is mounted (``/dev/sdb1``, ``//nas/partage``, ``nas:/export``).
    """

    mount_point: str
    fs_type: str
    source: str


def _unescape(field: str) -> str:
    r"""Undo mountinfo's octal escapes (``\040`` space, ``\011`` tab, ``\134`` backslash)."""
    raw = _OCTAL_ESCAPE.sub(lambda match: bytes([int(match.group(1), 8)]), os.fsencode(field))
    return os.fsdecode(raw)


def read_linux_mounts(text: str) -> list[Mount]:
    """Parse the text of ``/proc/<pid>/mountinfo``.

    Each line reads ``id parent major:minor root mount-point options [optional…] - type source
    super-options``; the optional fields end at a lone ``-``. Lines that do not fit are skipped.

    Args:
        text: The file's content.

    Returns:
        The mounts in the file's order (a later mount on the same point hides an earlier one).
    """
    mounts: list[Mount] = []
    for line in text.splitlines():
        fields = line.split(" ")
        try:
            separator = fields.index("-", _MOUNTINFO_FIXED_FIELDS)
        except ValueError:
            continue
        if len(fields) < separator + 3 or not fields[4].startswith("/"):
            continue
        mounts.append(
            Mount(
                mount_point=_unescape(fields[4]),
                fs_type=_unescape(fields[separator + 1]),
                source=_unescape(fields[separator + 2]),
            )
        )
    return mounts


def read_system_mounts(path: str = MOUNTINFO) -> list[Mount]:
    """This process's mounts, read from ``/proc/self/mountinfo``.

    Args:
        path: The mountinfo file to read.

    Returns:
        The mounts, or an empty list where the file does not exist (macOS, BSD) or is unreadable.
    """
    try:
        with open(path, "rb") as file:
            data = file.read()
    except OSError as error:
        log.debug("No mount table at %s: %s", path, error)
        return []
    return read_linux_mounts(os.fsdecode(data))


def _windows_drive_type(root: str) -> int:
    """``GetDriveTypeW`` on ``root``; ``DRIVE_UNKNOWN`` when not running on Windows."""
    if sys.platform == "win32":
        import ctypes  # noqa: PLC0415 - windll exists only on Windows

        return int(ctypes.windll.kernel32.GetDriveTypeW(root))
    return DRIVE_UNKNOWN


def _folder_service(name: str) -> str | None:
    folded = name.casefold()
    for pattern, service in _CLOUD_FOLDERS:
        if pattern.fullmatch(folded):
            return service
    return None


def _cloud_service(folders: Sequence[str]) -> str | None:
    """The sync service owning one of ``folders`` (the path's folders, outermost first)."""
    for index, folder in enumerate(folders):
        if (
            folder.casefold() == "cloudstorage"
            and index > 0
            and folders[index - 1].casefold() == "library"
            and index + 1 < len(folders)
        ):
            provider = folders[index + 1]
            return _folder_service(provider) or provider.split("-", 1)[0] or provider
        service = _folder_service(folder)
        if service is not None:
            return service
    return None


def _classify_windows(path: str, drive_type: Callable[[str], int]) -> Location:
    text = path.replace("/", "\\")
    folded = text.upper()
    device_prefix = ""
    if folded.startswith(("\\\\?\\UNC\\", "\\\\.\\UNC\\")):
        text = "\\\\" + text[len("\\\\?\\UNC\\") :]
    elif folded.startswith(("\\\\?\\", "\\\\.\\")):
        device_prefix, text = text[:4], text[4:]
    components = [part for part in text.split("\\") if part not in ("", ".")]

    service = _cloud_service(components[:-1])
    if service is not None:
        return Location(LocationKind.CLOUD_SYNCED, service)

    if text.startswith("\\\\"):
        return Location(LocationKind.NETWORK, "\\\\" + "\\".join(components[:2]))

    if len(text) >= 3 and text[0].isalpha() and text[1:3] == ":\\":  # noqa: PLR2004 - "C:\"
        root = text[0].upper() + ":\\"
    elif device_prefix and components and components[0].upper().startswith("VOLUME{"):
        root = device_prefix + components[0] + "\\"
    else:
        raise ValueError(f"not an absolute Windows path: {path!r}")

    found = drive_type(root)
    detail = f"{root} ({_DRIVE_NAMES.get(found, str(found))})"
    if found == DRIVE_REMOTE:
        return Location(LocationKind.NETWORK, detail)
    if found in (DRIVE_REMOVABLE, DRIVE_CDROM):
        return Location(LocationKind.REMOVABLE, detail)
    return Location(LocationKind.LOCAL, detail)


def _is_within(path: str, folder: str) -> bool:
    """Whether ``path`` is ``folder`` or inside it, comparing whole components."""
    if folder == "/":
        return True
    return path == folder or path.startswith(folder.rstrip("/") + "/")


def _is_below(path: str, folder: str) -> bool:
    """Whether ``path`` is strictly inside ``folder``."""
    return path != folder and _is_within(path, folder)


def _mount_of(path: str, mounts: Sequence[Mount]) -> Mount | None:
    best: Mount | None = None
    for mount in mounts:
        if _is_within(path, mount.mount_point) and (
            best is None or len(mount.mount_point.rstrip("/")) >= len(best.mount_point.rstrip("/"))
        ):
            best = mount
    return best


def _gvfs_location(components: Sequence[str]) -> Location | None:
    """GNOME's ``/run/user/<uid>/gvfs/<backend>:<params>/…`` mounts."""
    if (
        len(components) > _GVFS_PREFIX_LENGTH
        and components[0] == "run"
        and components[1] == "user"
        and components[2].isdigit()
        and components[3] == "gvfs"
    ):
        entry = components[_GVFS_PREFIX_LENGTH]
        service = _GVFS_CLOUD_BACKENDS.get(entry.split(":", 1)[0])
        if service is not None:
            return Location(LocationKind.CLOUD_SYNCED, service)
        return Location(LocationKind.NETWORK, f"gvfs {entry}")
    return None


def _classify_mount(
    path: str, mounts: Sequence[Mount], removable_roots: Sequence[str], *, linux: bool
) -> Location:
    mount = _mount_of(path, mounts)
    if mount is None:
        return Location(LocationKind.LOCAL)
    fs_type = mount.fs_type.lower()
    point = mount.mount_point
    detail = f"{mount.fs_type} {mount.source} on {point}"
    if fs_type in _CLOUD_FS_TYPES:
        return Location(LocationKind.CLOUD_SYNCED, _CLOUD_FS_TYPES[fs_type])
    if fs_type in NETWORK_FS_TYPES:
        return Location(LocationKind.NETWORK, detail)
    if (
        any(_is_below(point, root) for root in removable_roots)
        or fs_type in _OPTICAL_FS_TYPES
        or (
            linux
            and fs_type in _REMOVABLE_FS_TYPES
            and _is_below(point, _LINUX_REMOVABLE_UNDER_MNT)
        )
    ):
        return Location(LocationKind.REMOVABLE, detail)
    return Location(LocationKind.LOCAL, detail)


def _classify_posix(path: str, mounts: Sequence[Mount] | None, *, darwin: bool) -> Location:
    if not path.startswith("/"):
        raise ValueError(f"not an absolute path: {path!r}")
    path = "/" + posixpath.normpath(path).lstrip("/")
    components = [part for part in path.split("/") if part]

    service = _cloud_service(components[:-1])
    if service is not None:
        return Location(LocationKind.CLOUD_SYNCED, service)

    if darwin:
        if mounts is not None:
            return _classify_mount(path, mounts, _DARWIN_REMOVABLE_ROOTS, linux=False)
        if len(components) > 2 and components[0] == "Volumes":  # noqa: PLR2004 - Volumes/<name>/…
            return Location(LocationKind.REMOVABLE, "/Volumes/" + components[1])
        return Location(LocationKind.LOCAL)

    gvfs = _gvfs_location(components)
    if gvfs is not None:
        return gvfs
    if mounts is None:
        mounts = read_system_mounts()
    return _classify_mount(path, mounts, _LINUX_REMOVABLE_ROOTS, linux=True)


def classify_path(
    path: str | os.PathLike[str],
    *,
    platform: str | None = None,
    mounts: Sequence[Mount] | None = None,
    drive_type: Callable[[str], int] | None = None,
) -> Location:
    r"""Tell whether a database file is on a local disk, a share, a synced folder or a key.

    See the module's documentation for the rules.

    Args:
        path: The database file. Without ``platform`` it names a file on this machine and is
            made absolute with its symbolic links resolved (``os.path.realpath``), so a link to
            a share is seen as the share. With ``platform`` it is taken as written, and must
            be absolute.
        platform: A ``sys.platform`` value (``"win32"``, ``"linux"``, ``"darwin"``); this
            machine's by default.
        mounts: The mount table (Linux, other POSIX systems, macOS). On Linux it is read from
            ``/proc/self/mountinfo`` by default; on macOS there is none by default and any
            ``/Volumes/<name>`` is taken for a removable drive.
        drive_type: Windows only: returns ``GetDriveTypeW``'s answer for a drive root such as
            ``"C:\"``. By default the real call on Windows, ``DRIVE_UNKNOWN`` elsewhere.

    Returns:
        The location and what gave it away.

    Raises:
        ValueError: With an explicit ``platform``, if the path is not absolute for it.
    """
    if platform is None:
        platform = sys.platform
        text = os.path.realpath(path)
    else:
        text = os.fspath(path)
    if platform.startswith("win"):
        return _classify_windows(text, drive_type or _windows_drive_type)
    return _classify_posix(text, mounts, darwin=platform == "darwin")
