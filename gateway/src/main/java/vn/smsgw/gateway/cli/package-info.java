/** The {@code smsgw} command line: {@link vn.smsgw.gateway.cli.Main} and one picocli command per subcommand. */
package vn.smsgw.gateway.cli;
