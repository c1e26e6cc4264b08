// The executable: hands the library its terminal (curses), then runs the command line.

import LossScopeApp

TerminalHost.open = { color throws(TerminalError) in try CursesBackend(color: color) }
RootCommand.main()
