"""Where a database file lives: the classifier behind the network and cloud refusals."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from desktop_app.persistence.location import (
    DRIVE_CDROM,
    DRIVE_FIXED,
    DRIVE_RAMDISK,
    DRIVE_REMOTE,
    DRIVE_REMOVABLE,
    Location,
    LocationKind,
    Mount,
    classify_path,
    read_linux_mounts,
    read_system_mounts,
)

LOCAL = LocationKind.LOCAL
NETWORK = LocationKind.NETWORK
CLOUD = LocationKind.CLOUD_SYNCED
REMOVABLE = LocationKind.REMOVABLE

# ---------------------------------------------------------------- Windows

DRIVES = {
    "C:\\": DRIVE_FIXED,
    "D:\\": DRIVE_FIXED,
    "G:\\": DRIVE_FIXED,  # Google Drive for desktop's virtual drive
    "E:\\": DRIVE_REMOVABLE,
    "F:\\": DRIVE_CDROM,
    "R:\\": DRIVE_RAMDISK,
    "Z:\\": DRIVE_REMOTE,
    "\\\\?\\Volume{4c1b02c1-d990-11dc-99ae-806e6f6e6963}\\": DRIVE_FIXED,
}


def _probe(root: str) -> int:
    return DRIVES[root]  # a KeyError means a badly built root


@pytest.mark.parametrize(
    ("path", "kind", "detail"),
    [
        # cloud-synced folders, whole components, any case
        (r"C:\Users\Marie\OneDrive - Association Toit\Seuil\seuil.db", CLOUD, "OneDrive"),
        (r"C:\Users\Marie\OneDrive\Documents\seuil.db", CLOUD, "OneDrive"),
        (r"c:/users/marie/dropbox/seuil.db", CLOUD, "Dropbox"),
        (r"C:\Users\Marie\Dropbox (Association Toit)\seuil.db", CLOUD, "Dropbox"),
        (r"G:\Mon Drive\Seuil\seuil.db", CLOUD, "Google Drive"),
        (r"G:\My Drive\seuil.db", CLOUD, "Google Drive"),
        (r"C:\Users\Marie\Google Drive\seuil.db", CLOUD, "Google Drive"),
        (r"C:\Users\Marie\GoogleDrive\seuil.db", CLOUD, "Google Drive"),
        (r"C:\Users\Marie\iCloudDrive\Seuil\seuil.db", CLOUD, "iCloud Drive"),
        (r"C:\Users\Marie\iCloud Drive\seuil.db", CLOUD, "iCloud Drive"),
        (r"C:\Users\Marie\Nextcloud\Association\seuil.db", CLOUD, "Nextcloud"),
        (r"C:\Users\Marie\ownCloud\seuil.db", CLOUD, "ownCloud"),
        (r"C:\Users\Marie\pCloud Drive\seuil.db", CLOUD, "pCloud"),
        (r"C:\Users\Marie\Seafile\Ma bibliothèque\seuil.db", CLOUD, "Seafile"),
        (r"C:\Users\Marie\Box\seuil.db", CLOUD, "Box"),
        (r"C:\Users\Marie\Box Sync\seuil.db", CLOUD, "Box"),
        (r"C:\Users\Marie\MEGA\seuil.db", CLOUD, "MEGA"),
        (r"C:\Users\Marie\MEGAsync\seuil.db", CLOUD, "MEGA"),
        (r"C:\Users\Marie\Tresorit\seuil.db", CLOUD, "Tresorit"),
        (r"C:\Users\Marie\kDrive\Seuil\seuil.db", CLOUD, "kDrive"),
        # cloud is checked before the share: both refuse, the service names the cause
        (r"\\?\UNC\nas\share\OneDrive\x.db", CLOUD, "OneDrive"),
        # look-alikes stay local
        (r"C:\Users\Boxer\Documents\seuil.db", LOCAL, "C:\\ (fixed)"),
        (r"C:\Users\Marie\Documents\OneDriveBackup\seuil.db", LOCAL, "C:\\ (fixed)"),
        (r"C:\Users\Marie\Megatron\seuil.db", LOCAL, "C:\\ (fixed)"),
        (r"C:\Seuil\Dropbox", LOCAL, "C:\\ (fixed)"),  # the file's own name does not count
        (r"C:\Users\Public\Seuil\seuil.db", LOCAL, "C:\\ (fixed)"),
        (r"d:\Seuil\seuil.db", LOCAL, "D:\\ (fixed)"),
        (r"G:\Drives de l'équipe\seuil.db", LOCAL, "G:\\ (fixed)"),
        (r"R:\seuil.db", LOCAL, "R:\\ (RAM disk)"),
        # UNC shares
        (r"\\NAS\partage\seuil.db", NETWORK, r"\\NAS\partage"),
        (r"\\?\UNC\nas\share\x.db", NETWORK, r"\\nas\share"),
        (r"\\.\UNC\nas\share\x.db", NETWORK, r"\\nas\share"),
        ("//nas/partage/seuil.db", NETWORK, r"\\nas\partage"),
        (r"\\wsl$\Ubuntu\home\marie\seuil.db", NETWORK, r"\\wsl$\Ubuntu"),
        # drive letters asked to GetDriveTypeW
        (r"\\?\C:\Seuil\x.db", LOCAL, "C:\\ (fixed)"),
        (r"\\?\E:\Seuil\x.db", REMOVABLE, "E:\\ (removable)"),
        (r"Z:\Compta\seuil.db", NETWORK, "Z:\\ (remote)"),
        (r"E:\seuil.db", REMOVABLE, "E:\\ (removable)"),
        (r"F:\seuil.db", REMOVABLE, "F:\\ (CD/DVD)"),
        (
            r"\\?\Volume{4c1b02c1-d990-11dc-99ae-806e6f6e6963}\Seuil\x.db",
            LOCAL,
            "\\\\?\\Volume{4c1b02c1-d990-11dc-99ae-806e6f6e6963}\\ (fixed)",
        ),
    ],
)
def test_windows_paths(path: str, kind: LocationKind, detail: str) -> None:
    assert classify_path(path, platform="win32", drive_type=_probe) == Location(kind, detail)


@pytest.mark.parametrize("path", [r"Seuil\seuil.db", "C:seuil.db", r"\Seuil\seuil.db", ""])
def test_a_relative_windows_path_is_refused_when_the_platform_is_given(path: str) -> None:
    with pytest.raises(ValueError, match="absolute"):
        classify_path(path, platform="win32", drive_type=_probe)


@pytest.mark.skipif(sys.platform == "win32", reason="the real probe answers on Windows")
def test_without_windows_the_default_drive_probe_knows_nothing() -> None:
    location = classify_path(r"Z:\seuil.db", platform="win32")
    assert location == Location(LOCAL, "Z:\\ (unknown)")


# ---------------------------------------------------------------- Linux

MOUNTS = [
    Mount("/", "ext4", "/dev/nvme0n1p2"),
    Mount("/boot/efi", "vfat", "/dev/nvme0n1p1"),
    Mount("/home", "ext4", "/dev/nvme0n1p3"),
    Mount("/mnt/nas", "cifs", "//nas/partage"),
    Mount("/mnt/data", "nfs4", "nas:/data"),
    Mount("/mnt/usb", "vfat", "/dev/sdd1"),
    Mount("/mnt/windows", "ntfs3", "/dev/nvme0n1p4"),
    Mount("/mnt/cdrom", "iso9660", "/dev/sr0"),
    Mount("/srv/dvd", "udf", "/dev/sr1"),
    Mount("/media/marie/CLE USB", "vfat", "/dev/sdb1"),
    Mount("/run/media/marie/DISQUE", "exfat", "/dev/sdc1"),
    Mount("/media/sauvegarde", "cifs", "//nas/sauvegarde"),
    Mount("/home/marie/distant", "fuse.sshfs", "marie@serveur:"),
    Mount("/home/marie/rclone", "fuse.rclone", "gdrive:"),
    Mount("/home/marie/od", "fuse.onedriver", "onedriver"),
    Mount("/run/user/1000/gvfs", "fuse.gvfsd-fuse", "gvfsd-fuse"),
    # an automounted export: autofs first, the NFS mount stacked on the same point
    Mount("/net/nas", "autofs", "-hosts"),
    Mount("/net/nas", "nfs", "nas:/export"),
]


@pytest.mark.parametrize(
    ("path", "kind", "detail"),
    [
        ("/home/marie/Dropbox/seuil.db", CLOUD, "Dropbox"),
        ("/home/marie/Nextcloud/Association/Compta/seuil.db", CLOUD, "Nextcloud"),
        ("/home/marie/Nextcloud2/seuil.db", CLOUD, "Nextcloud"),
        ("/home/marie/pCloudDrive/seuil.db", CLOUD, "pCloud"),
        ("/home/marie/Box/seuil.db", CLOUD, "Box"),
        ("/home/marie/MEGA/seuil.db", CLOUD, "MEGA"),
        ("/home/marie/od/seuil.db", CLOUD, "OneDrive"),  # onedriver's FUSE type
        ("/home/marie/../marie/./Dropbox/seuil.db", CLOUD, "Dropbox"),
        ("/home/Boxer/seuil.db", LOCAL, "ext4 /dev/nvme0n1p3 on /home"),
        ("/home/marie/mega-archives/seuil.db", LOCAL, "ext4 /dev/nvme0n1p3 on /home"),
        ("/var/lib/seuil/x.db", LOCAL, "ext4 /dev/nvme0n1p2 on /"),
        ("/mnt/nas/seuil.db", NETWORK, "cifs //nas/partage on /mnt/nas"),
        ("/mnt/data/x.db", NETWORK, "nfs4 nas:/data on /mnt/data"),
        ("/mnt/data2/x.db", LOCAL, "ext4 /dev/nvme0n1p2 on /"),
        ("/mnt/data/../data2/x.db", LOCAL, "ext4 /dev/nvme0n1p2 on /"),
        ("//mnt/data/x.db", NETWORK, "nfs4 nas:/data on /mnt/data"),
        ("/net/nas/seuil.db", NETWORK, "nfs nas:/export on /net/nas"),
        (
            "/home/marie/distant/seuil.db",
            NETWORK,
            "fuse.sshfs marie@serveur: on /home/marie/distant",
        ),
        ("/home/marie/rclone/seuil.db", NETWORK, "fuse.rclone gdrive: on /home/marie/rclone"),
        ("/media/sauvegarde/seuil.db", NETWORK, "cifs //nas/sauvegarde on /media/sauvegarde"),
        (
            "/run/user/1000/gvfs/smb-share:server=nas,share=docs/x.db",
            NETWORK,
            "gvfs smb-share:server=nas,share=docs",
        ),
        ("/run/user/1000/gvfs/google-drive:host=gmail.com,user=marie/x.db", CLOUD, "Google Drive"),
        ("/media/marie/CLE USB/x.db", REMOVABLE, "vfat /dev/sdb1 on /media/marie/CLE USB"),
        (
            "/run/media/marie/DISQUE/Seuil/x.db",
            REMOVABLE,
            "exfat /dev/sdc1 on /run/media/marie/DISQUE",
        ),
        ("/mnt/usb/x.db", REMOVABLE, "vfat /dev/sdd1 on /mnt/usb"),
        ("/mnt/cdrom/x.db", REMOVABLE, "iso9660 /dev/sr0 on /mnt/cdrom"),
        ("/srv/dvd/x.db", REMOVABLE, "udf /dev/sr1 on /srv/dvd"),
        ("/mnt/windows/Seuil/x.db", LOCAL, "ntfs3 /dev/nvme0n1p4 on /mnt/windows"),
        ("/boot/efi/x.db", LOCAL, "vfat /dev/nvme0n1p1 on /boot/efi"),
    ],
)
def test_linux_paths(path: str, kind: LocationKind, detail: str) -> None:
    assert classify_path(path, platform="linux", mounts=MOUNTS) == Location(kind, detail)


def test_gvfs_is_a_share_even_without_its_mount() -> None:
    location = classify_path(
        "/run/user/1000/gvfs/sftp:host=serveur/x.db", platform="linux", mounts=[]
    )
    assert location == Location(NETWORK, "gvfs sftp:host=serveur")


def test_without_a_mount_table_a_path_is_local() -> None:
    assert classify_path("/srv/seuil/x.db", platform="linux", mounts=[]) == Location(LOCAL)


def test_a_relative_posix_path_is_refused_when_the_platform_is_given() -> None:
    with pytest.raises(ValueError, match="absolute"):
        classify_path("seuil/x.db", platform="linux", mounts=MOUNTS)


MOUNTINFO = """\
22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw,errors=remount-ro
23 22 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw
25 22 259:1 / /boot/efi rw,relatime shared:30 - vfat /dev/nvme0n1p1 rw,fmask=0077,dmask=0077
40 22 0:45 / /mnt/nas rw,relatime shared:101 - cifs //nas/partage rw,vers=3.1.1,cache=strict
41 22 0:46 / /mnt/data rw,relatime shared:102 master:7 - nfs4 nas:/data rw,vers=4.2
52 30 8:17 / /media/marie/CLE\\040USB rw,nosuid,nodev,relatime shared:200 - vfat /dev/sdb1 rw
53 22 0:50 /sub /srv/back\\134slash rw,relatime - ext4 /dev/sda1 rw
54 22 0:51 / /run/user/1000/gvfs rw,nosuid,nodev,relatime shared:300 - fuse.gvfsd-fuse gvfsd-fuse rw
this line is not mountinfo
55 22 0:52 / /home/marie/Données rw,relatime - ext4 /dev/sda2 rw
"""


def test_mountinfo_is_parsed_with_its_escapes() -> None:
    mounts = read_linux_mounts(MOUNTINFO)
    assert [mount.mount_point for mount in mounts] == [
        "/",
        "/proc",
        "/boot/efi",
        "/mnt/nas",
        "/mnt/data",
        "/media/marie/CLE USB",
        "/srv/back\\slash",
        "/run/user/1000/gvfs",
        "/home/marie/Données",
    ]
    assert mounts[3] == Mount("/mnt/nas", "cifs", "//nas/partage")
    assert mounts[4] == Mount("/mnt/data", "nfs4", "nas:/data")  # two optional fields
    assert mounts[5] == Mount("/media/marie/CLE USB", "vfat", "/dev/sdb1")
    assert mounts[6].fs_type == "ext4"  # no optional field at all


def test_parsed_mountinfo_classifies_the_usb_key_with_a_space() -> None:
    mounts = read_linux_mounts(MOUNTINFO)
    location = classify_path("/media/marie/CLE USB/x.db", platform="linux", mounts=mounts)
    assert location.kind is REMOVABLE
    assert classify_path("/mnt/data2/x.db", platform="linux", mounts=mounts).kind is LOCAL


def test_system_mounts_are_read_from_a_file(tmp_path: Path) -> None:
    mountinfo = tmp_path / "mountinfo"
    mountinfo.write_text(MOUNTINFO, encoding="utf-8")
    assert read_system_mounts(str(mountinfo)) == read_linux_mounts(MOUNTINFO)
    assert read_system_mounts(str(tmp_path / "absent")) == []


# ---------------------------------------------------------------- macOS


@pytest.mark.parametrize(
    ("path", "kind", "detail"),
    [
        (
            "/Users/marie/Library/Mobile Documents/com~apple~CloudDocs/Seuil/seuil.db",
            CLOUD,
            "iCloud Drive",
        ),
        ("/Users/marie/Library/CloudStorage/OneDrive-Personal/seuil.db", CLOUD, "OneDrive"),
        (
            "/Users/marie/Library/CloudStorage/GoogleDrive-marie@example.org/Mon Drive/seuil.db",
            CLOUD,
            "Google Drive",
        ),
        ("/Users/marie/Library/CloudStorage/Box-Box/seuil.db", CLOUD, "Box"),
        ("/Users/marie/Library/CloudStorage/Inconnu-Compte/seuil.db", CLOUD, "Inconnu"),
        ("/Volumes/CLE USB/seuil.db", REMOVABLE, "/Volumes/CLE USB"),
        ("/Users/marie/Documents/seuil.db", LOCAL, ""),
        ("/Volumes", LOCAL, ""),
    ],
)
def test_macos_paths(path: str, kind: LocationKind, detail: str) -> None:
    assert classify_path(path, platform="darwin") == Location(kind, detail)


def test_macos_with_a_mount_table() -> None:
    mounts = [
        Mount("/", "apfs", "/dev/disk3s1s1"),
        Mount("/Volumes/partage", "smbfs", "//marie@nas/partage"),
        Mount("/Volumes/CLE", "msdos", "/dev/disk4s1"),
    ]
    assert classify_path("/Volumes/partage/x.db", platform="darwin", mounts=mounts).kind is NETWORK
    assert classify_path("/Volumes/CLE/x.db", platform="darwin", mounts=mounts).kind is REMOVABLE
    # the boot volume's alias under /Volumes is no mount of its own
    location = classify_path("/Volumes/Macintosh HD/Users/x.db", platform="darwin", mounts=mounts)
    assert location.kind is LOCAL


# ---------------------------------------------------------------- the verdict and this machine


@pytest.mark.parametrize(
    ("kind", "allowed"),
    [(LOCAL, True), (REMOVABLE, True), (NETWORK, False), (CLOUD, False)],
)
def test_writing_is_allowed_only_locally_and_on_removable_drives(
    kind: LocationKind, allowed: bool
) -> None:
    assert Location(kind, "x").writable_allowed is allowed


def test_kinds_are_plain_strings() -> None:
    assert [str(kind) for kind in LocationKind] == ["local", "network", "cloud_synced", "removable"]


def test_a_real_file_on_this_machine(tmp_path: Path) -> None:
    database = tmp_path / "seuil.db"
    database.write_bytes(b"")
    location = classify_path(database)
    assert isinstance(location, Location)
    assert isinstance(location.kind, LocationKind)


def test_a_relative_path_on_this_machine_is_made_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert isinstance(classify_path("seuil.db"), Location)


@pytest.mark.skipif(not hasattr(os, "symlink") or sys.platform == "win32", reason="POSIX links")
def test_a_link_to_a_share_is_seen_as_the_share(tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    link = tmp_path / "lien"
    link.symlink_to(share, target_is_directory=True)
    mounts = [Mount("/", "ext4", "/dev/sda1"), Mount(os.path.realpath(share), "cifs", "//nas/x")]
    assert classify_path(link / "seuil.db", mounts=mounts).kind is NETWORK
