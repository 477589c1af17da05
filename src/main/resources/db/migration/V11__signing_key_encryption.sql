-- the hex salt the private key was encrypted with (compliance.api.signing-key-secret); NULL: stored in the clear
ALTER TABLE signing_keys ADD COLUMN salt TEXT;
