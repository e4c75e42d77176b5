package dev.accord.testsupport.badinput;

/** One request header line; values are sent as ISO-8859-1 bytes, so any byte 0x00-0xFF can be sent. */
public record Header(String name, String value) {
}
