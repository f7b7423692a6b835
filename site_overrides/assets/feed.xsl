<?xml version="1.0" encoding="utf-8"?>
<!-- Shows an Atom feed of the site as a readable page when someone opens it in a browser (a
     phone opens a "Follow" link rather than handing it to a feed reader): what a feed is, how
     to follow it, and its latest entries. Feed readers ignore it. Styles are in the page
     because a feed has no Content-Security-Policy and its depth in the site varies. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:a="http://www.w3.org/2005/Atom" exclude-result-prefixes="a">
  <xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat"/>
  <xsl:template match="/a:feed">
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="a:title"/> (feed)</title>
        <style>
          body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
                 margin: 0 auto; padding: 1rem; max-width: 44rem; line-height: 1.5;
                 color: #0b0c0c; background: #fff; }
          h1 { font-size: 1.6rem; line-height: 1.25; }
          h2 { font-size: 1.2rem; margin-top: 2rem; }
          a { color: #1d4f91; }
          a:focus-visible { outline: 3px solid #0b0c0c; box-shadow: 0 0 0 6px #ffdd00; }
          .about { background: #eef2f7; border-left: 6px solid #1d4f91; padding: .75rem 1rem; }
          .address { display: block; overflow-wrap: anywhere; font-family: monospace;
                     background: #fff; border: 1px solid #505a5f; padding: .4rem; }
          ol { padding: 0; list-style: none; }
          li { border-top: 1px solid #b1b4b6; padding: .75rem 0; }
          .when { color: #505a5f; font-size: .9rem; margin: 0; }
          .entry-title { font-weight: 700; margin: 0; }
        </style>
      </head>
      <body>
        <main>
          <p><a href="{a:link[@rel='alternate']/@href}">Back to the page</a></p>
          <h1><xsl:value-of select="a:title"/></h1>
          <xsl:if test="a:subtitle"><p><xsl:value-of select="a:subtitle"/></p></xsl:if>
          <div class="about">
            <p><strong>This is a feed.</strong> A feed is a web address that an app checks for
              you, so you hear whenever something new happens here, without coming back to look.</p>
            <p>To follow it, copy this address into a feed reader app (there are free ones for
              every phone and computer), or into a feed-to-email service if you would rather get
              an email:</p>
            <p><span class="address"><xsl:value-of select="a:link[@rel='self']/@href"/></span></p>
          </div>
          <h2>Latest entries</h2>
          <xsl:choose>
            <xsl:when test="a:entry">
              <ol>
                <xsl:for-each select="a:entry">
                  <li>
                    <p class="entry-title"><a href="{a:link/@href}"><xsl:value-of select="a:title"/></a></p>
                    <p class="when"><time datetime="{substring(a:updated, 1, 10)}"><xsl:value-of select="substring(a:updated, 1, 10)"/></time></p>
                    <p><xsl:value-of select="a:summary"/></p>
                  </li>
                </xsl:for-each>
              </ol>
            </xsl:when>
            <xsl:otherwise>
              <p>Nothing has happened here yet. Follow the feed now and your app will show the first
                entry when it comes.</p>
            </xsl:otherwise>
          </xsl:choose>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
