"""Password hashes: argon2id through argon2-cffi (the reference implementation's binding), never
the password itself. A hash carries its own parameters, so a later change of them still checks
old hashes (and ``needs_rehash`` says when to store a new one)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from commandroom.models.errors import ValidationError

_HASHER = PasswordHasher()
MIN_LENGTH = 8


def check_strength(password: str) -> None:
    """Refuse a password too short to stand a few guesses (the lockout stops the rest)."""
    if len(password) < MIN_LENGTH:
        raise ValidationError(f"密码至少 {MIN_LENGTH} 个字符", f"A password needs at least {MIN_LENGTH} characters")
    if password.strip() != password:
        raise ValidationError("密码首尾不能有空格", "A password may not begin or end with a space")


def hash_password(password: str) -> str:
    check_strength(password)
    return _HASHER.hash(password)


def verify(stored: str, password: str) -> bool:
    """True when ``password`` matches ``stored``; a user with no hash ("") matches nothing."""
    if not stored:
        return False
    try:
        return _HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    return _HASHER.check_needs_rehash(stored)
