# Sourced by ./tutorial and bench/*.sh (with ROOT set): exports the environment every JVM running the lessons should
# start with, from lib/src/main/resources/vae/process.env (one OpenMP thread; glibc malloc that reuses freed memory,
# which halved the conv VAE's epoch). Values already set win.
while IFS='=' read -r key value; do
  [[ -z "$key" || "$key" == \#* ]] && continue
  if [[ -z "${!key:-}" ]]; then export "$key=$value"; fi
done < "$ROOT/lib/src/main/resources/vae/process.env"
