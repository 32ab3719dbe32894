-- The last accepted TOTP step per account: a code is accepted once, never again.
ALTER TABLE app_user ADD COLUMN totp_last_step bigint;
