{{%AUTOESCAPE context="HTML"}}<link rel="alternate" type="application/atom+xml" title="{{FEED_TITLE}}" href="{{FEED_URL}}">
<link rel="canonical" href="{{CANONICAL_URL}}">
<meta property="og:type" content="website">
<meta property="og:site_name" content="Rekrut">
<meta property="og:title" content="{{OG_TITLE}}">
<meta property="og:description" content="{{OG_DESCRIPTION}}">
<meta property="og:url" content="{{CANONICAL_URL}}">
<meta property="og:locale" content="{{OG_LOCALE}}">
<meta name="description" content="{{OG_DESCRIPTION}}">
