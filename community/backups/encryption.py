"""Archives encrypted with a passphrase from the environment (BACKUP_PASSPHRASE).

`cryptography`'s Fernet (AES-128-CBC with an HMAC-SHA256, authenticated) with a key
derived from the passphrase by scrypt and a random salt stored in the file's header.
Fernet works on whole messages, so encrypting and decrypting hold the archive in
memory once.
"""

import base64
import os
import secrets

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

PASSPHRASE_VARIABLE = "BACKUP_PASSPHRASE"  # noqa: S105 (a variable name)
MAGIC = b"STEADY-GROUND-BACKUP-FERNET-SCRYPT-1\n"
SALT_BYTES = 16
# scrypt's cost: 2**15 x 8 x 128 bytes = 32 MiB of memory per derivation.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1


class DecryptionError(Exception):
    pass


def passphrase_from_environment() -> str:
    return os.environ.get(PASSPHRASE_VARIABLE, "")


def _fernet(passphrase: str, salt: bytes) -> Fernet:
    kdf = Scrypt(salt=salt, length=32, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
    key = kdf.derive(passphrase.encode("utf-8"))
    return Fernet(base64.urlsafe_b64encode(key))


def encrypt_file(source, destination, passphrase: str) -> None:
    salt = secrets.token_bytes(SALT_BYTES)
    with open(source, "rb") as plain:
        token = _fernet(passphrase, salt).encrypt(plain.read())
    with open(destination, "wb") as out:
        out.write(MAGIC + salt + token)


def is_encrypted(path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(len(MAGIC)) == MAGIC


def decrypt_file(source, destination, passphrase: str) -> None:
    if not passphrase:
        raise DecryptionError(
            f"The archive is encrypted: set {PASSPHRASE_VARIABLE} to its passphrase."
        )
    with open(source, "rb") as handle:
        data = handle.read()
    salt = data[len(MAGIC) : len(MAGIC) + SALT_BYTES]
    token = data[len(MAGIC) + SALT_BYTES :]
    try:
        plain = _fernet(passphrase, salt).decrypt(token)
    except InvalidToken:
        raise DecryptionError(
            f"The archive could not be decrypted: {PASSPHRASE_VARIABLE} is not its "
            "passphrase, or the file is damaged."
        ) from None
    with open(destination, "wb") as out:
        out.write(plain)
