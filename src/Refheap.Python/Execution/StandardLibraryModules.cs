namespace Refheap.Python.Execution;

/// <summary>
/// The public modules of each CPython's standard library (3.12's <c>sys.stdlib_module_names</c>;
/// 2.7's library folder and built-in modules), so that importing one that Refheap's Python does
/// not have says so (NotImplementedError) instead of claiming, as ImportError would, that the
/// module does not exist.
/// </summary>
internal static class StandardLibraryModules
{
    private static readonly HashSet<string> Python27 =
    [
        "BaseHTTPServer", "Bastion", "CGIHTTPServer", "ConfigParser", "Cookie", "DocXMLRPCServer", "__future__",
        "HTMLParser", "MimeWriter", "Queue", "SimpleHTTPServer", "SimpleXMLRPCServer",
        "SocketServer", "StringIO", "UserDict", "UserList", "UserString", "abc", "aifc",
        "antigravity", "anydbm", "argparse", "array", "ast", "asynchat", "asyncore", "atexit",
        "audiodev", "audioop", "base64", "bdb", "binascii", "binhex", "bisect", "bsddb", "bz2",
        "cPickle", "cProfile", "cStringIO", "calendar", "cgi", "cgitb", "chunk", "cmath", "cmd",
        "code", "codecs", "codeop", "collections", "colorsys", "commands", "compileall", "compiler",
        "contextlib", "cookielib", "copy", "copy_reg", "crypt", "csv", "ctypes", "curses",
        "datetime", "dbhash", "decimal", "difflib", "dircache", "dis", "distutils", "doctest",
        "dumbdbm", "dummy_thread", "dummy_threading", "email", "encodings", "ensurepip", "errno",
        "exceptions", "fcntl", "filecmp", "fileinput", "fnmatch", "formatter", "fpformat",
        "fractions", "ftplib", "functools", "future_builtins", "gc", "genericpath", "getopt",
        "getpass", "gettext", "glob", "grp", "gzip", "hashlib", "heapq", "hmac", "hotshot",
        "htmlentitydefs", "htmllib", "httplib", "idlelib", "ihooks", "imaplib", "imghdr", "imp",
        "importlib", "imputil", "inspect", "io", "itertools", "json", "keyword", "lib2to3",
        "linecache", "linuxaudiodev", "locale", "logging", "macpath", "macurl2path", "mailbox",
        "mailcap", "markupbase", "marshal", "math", "md5", "mhlib", "mimetools", "mimetypes",
        "mimify", "mmap", "modulefinder", "multifile", "multiprocessing", "mutex", "netrc", "new",
        "nis", "nntplib", "ntpath", "nturl2path", "numbers", "opcode", "operator", "optparse", "os",
        "os2emxpath", "ossaudiodev", "parser", "pdb", "pickle", "pickletools", "pipes", "pkgutil",
        "platform", "plistlib", "popen2", "poplib", "posix", "posixfile", "posixpath", "pprint",
        "profile", "pstats", "pty", "pwd", "py_compile", "pyclbr", "pydoc", "pydoc_data", "pyexpat",
        "quopri", "random", "re", "readline", "repr", "resource", "rexec", "rfc822", "rlcompleter",
        "robotparser", "runpy", "sched", "select", "sets", "sgmllib", "sha", "shelve", "shlex",
        "shutil", "signal", "site", "smtpd", "smtplib", "sndhdr", "socket", "spwd", "sqlite3",
        "sre", "sre_compile", "sre_constants", "sre_parse", "ssl", "stat", "statvfs", "string",
        "stringold", "stringprep", "strop", "struct", "subprocess", "sunau", "sunaudio", "symbol",
        "symtable", "sys", "sysconfig", "syslog", "tabnanny", "tarfile", "telnetlib", "tempfile",
        "termios", "textwrap", "this", "thread", "threading", "time", "timeit", "toaiff", "token",
        "tokenize", "trace", "traceback", "tty", "types", "unicodedata", "unittest", "urllib",
        "urllib2", "urlparse", "user", "uu", "uuid", "warnings", "wave", "weakref", "webbrowser",
        "whichdb", "wsgiref", "xdrlib", "xml", "xmllib", "xmlrpclib", "xxsubtype", "zipfile",
        "zipimport", "zlib"
    ];

    private static readonly HashSet<string> Python312 =
    [
        "__future__", "abc", "aifc", "antigravity", "argparse", "array", "ast", "asyncio", "atexit", "audioop",
        "base64", "bdb", "binascii", "bisect", "bz2", "cProfile", "calendar", "cgi",
        "cgitb", "chunk", "cmath", "cmd", "code", "codecs", "codeop", "collections", "colorsys",
        "compileall", "concurrent", "configparser", "contextlib", "contextvars", "copy", "copyreg",
        "crypt", "csv", "ctypes", "curses", "dataclasses", "datetime", "dbm", "decimal", "difflib",
        "dis", "doctest", "email", "encodings", "ensurepip", "enum", "errno", "faulthandler",
        "fcntl", "filecmp", "fileinput", "fnmatch", "fractions", "ftplib", "functools", "gc",
        "genericpath", "getopt", "getpass", "gettext", "glob", "graphlib", "grp", "gzip", "hashlib",
        "heapq", "hmac", "html", "http", "idlelib", "imaplib", "imghdr", "importlib", "inspect",
        "io", "ipaddress", "itertools", "json", "keyword", "lib2to3", "linecache", "locale",
        "logging", "lzma", "mailbox", "mailcap", "marshal", "math", "mimetypes", "mmap",
        "modulefinder", "msilib", "msvcrt", "multiprocessing", "netrc", "nis", "nntplib", "nt",
        "ntpath", "nturl2path", "numbers", "opcode", "operator", "optparse", "os", "ossaudiodev",
        "pathlib", "pdb", "pickle", "pickletools", "pipes", "pkgutil", "platform", "plistlib",
        "poplib", "posix", "posixpath", "pprint", "profile", "pstats", "pty", "pwd", "py_compile",
        "pyclbr", "pydoc", "pydoc_data", "pyexpat", "queue", "quopri", "random", "re", "readline",
        "reprlib", "resource", "rlcompleter", "runpy", "sched", "secrets", "select", "selectors",
        "shelve", "shlex", "shutil", "signal", "site", "smtplib", "sndhdr", "socket",
        "socketserver", "spwd", "sqlite3", "sre_compile", "sre_constants", "sre_parse", "ssl",
        "stat", "statistics", "string", "stringprep", "struct", "subprocess", "sunau", "symtable",
        "sys", "sysconfig", "syslog", "tabnanny", "tarfile", "telnetlib", "tempfile", "termios",
        "textwrap", "this", "threading", "time", "timeit", "tkinter", "token", "tokenize",
        "tomllib", "trace", "traceback", "tracemalloc", "tty", "turtle", "turtledemo", "types",
        "typing", "unicodedata", "unittest", "urllib", "uu", "uuid", "venv", "warnings", "wave",
        "weakref", "webbrowser", "winreg", "winsound", "wsgiref", "xdrlib", "xml", "xmlrpc",
        "zipapp", "zipfile", "zipimport", "zlib", "zoneinfo"
    ];

    /// <summary>Whether <paramref name="name"/> (a top-level module name) is in the standard library of the profile's CPython.</summary>
    public static bool Contains(string name, bool py27) => (py27 ? Python27 : Python312).Contains(name);
}
