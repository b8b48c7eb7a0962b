package org.openchallenge.platform;

import java.io.IOException;

/** A request body grew past the size limit while being read (a body sent without a declared length). */
public class RequestTooLargeException extends IOException {

  private final long limit;

  public RequestTooLargeException(long limit) {
    super("The request body exceeds " + limit + " bytes");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
