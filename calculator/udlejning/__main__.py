from udlejning.cli import main

raise SystemExit(main())
