{{%AUTOESCAPE context="HTML"}}<link rel="canonical" href="{{CANONICAL_URL}}">
<meta name="description" content="{{OG_DESCRIPTION}}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="Rekrut">
<meta property="og:title" content="{{OG_TITLE}}">
<meta property="og:description" content="{{OG_DESCRIPTION}}">
<meta property="og:url" content="{{CANONICAL_URL}}">
<meta property="og:locale" content="{{OG_LOCALE}}">
<script type="application/ld+json">{{JSON_LD:none}}</script>
