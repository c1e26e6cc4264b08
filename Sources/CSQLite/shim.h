// The system's SQLite 3 (libsqlite3-dev), for reading MLflow's tracking database.
#include <sqlite3.h>
