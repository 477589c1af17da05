-- project names are per owner: a name one owner uses neither blocks another owner nor tells them it exists
ALTER TABLE projects DROP CONSTRAINT projects_name_key;
ALTER TABLE projects ADD CONSTRAINT projects_owner_name_key UNIQUE (owner, name);
-- administrators and the CLI still filter by name alone
CREATE INDEX projects_name_idx ON projects (name);
-- a path registration checks that no other owner's video already uses the file
CREATE INDEX videos_media_path_idx ON videos (media_path);
