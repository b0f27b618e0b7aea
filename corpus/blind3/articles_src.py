# Texts and gold annotation lines for corpus/blind3.  Written from scratch; figures are invented.
# Annotation line: LABEL key "surface[@line][#nth]" [value unit] [I=key P=key R=key EQ=key CMP=key]
# line = 0-based line of the text (line 0 starts with the date prefix); nth = nth match in that line.
ARTICLES = []

ARTICLES.append(dict(
id="blind3-501", name="501_uzbekistan_foreign_trade", date="2026-10-21", outlet="UzDaily",
lines=[
"TASHKENT, October 21 (UzDaily) - The foreign trade turnover of Uzbekistan in January-September 2026 amounted to $51.7 billion (over 655 trillion soums), which is 14.2% more than in the same period of 2025.",
"Of them, exports made $22.4 billion (+18.9%), imports – $29.3 billion (+10.9%), the Statistics Agency under the President of Uzbekistan reported.",
"The negative trade balance for nine months was $6.9 billion vs. $7.2 billion in January-September 2025.",
"The largest share in the trade turnover fell on China (19.6%), Russia (17.8%), Kazakhstan (7.1%), Turkey (5.4%) and Kyrgyzstan (2.3%).",
"In the structure of exports, gold took 31.4%, services – 19.2%, food products – 6.8%, textile products – 6.1 %.",
"Exports of gold in January-September amounted to $7.03 billion, 1.4 times higher than a year earlier.",
"Uzbekistan maintains trade relations with 198 countries of the world.",
"Photo: UzDaily",
],
ann="""
REG tash "TASHKENT"
ORG uzd "UzDaily@0"
IND ftt "foreign trade turnover"
REG uz "Uzbekistan@0"
PER p0 "January-September 2026"
MON m0 "$51.7 billion" 51.7e9 USD I=ftt P=p0 R=uz
MON m0s "655 trillion soums" 655e12 UZS I=ftt P=p0 R=uz EQ=m0
PCT c0 "14.2%" 14.2 % I=ftt P=p0 R=uz CMP=b0
PER b0 "the same period of 2025"
IND exp1 "exports@1"
MON m1 "$22.4 billion" 22.4e9 USD I=exp1
PCT c1 "+18.9%" 18.9 % I=exp1
IND imp1 "imports@1"
MON m2 "$29.3 billion" 29.3e9 USD I=imp1
PCT c2 "+10.9%" 10.9 % I=imp1
ORG stat "Statistics Agency under the President of Uzbekistan"
IND tb "trade balance"
PER p2 "nine months"
MON m3 "$6.9 billion" 6.9e9 USD I=tb P=p2
MON m4 "$7.2 billion" 7.2e9 USD I=tb P=p2b
PER p2b "January-September 2025"
IND tt3 "trade turnover@3"
REG cn "China"
PCT s1 "19.6%" 19.6 % I=tt3
REG ru "Russia"
PCT s2 "17.8%" 17.8 % I=tt3
REG kz "Kazakhstan"
PCT s3 "7.1%" 7.1 % I=tt3
REG tr "Turkey"
PCT s4 "5.4%" 5.4 % I=tt3
REG kg "Kyrgyzstan"
PCT s5 "2.3%" 2.3 % I=tt3
IND exp4 "exports@4"
PCT e1 "31.4%" 31.4 % I=exp4
PCT e2 "19.2%" 19.2 % I=exp4
PCT e3 "6.8%" 6.8 % I=exp4
PCT e4 "6.1 %" 6.1 % I=exp4
IND eg "Exports of gold"
PER p5 "January-September@5"
MON m5 "$7.03 billion" 7.03e9 USD I=eg P=p5
PCT x5 "1.4 times" 1.4 x I=eg P=p5 CMP=b5
PER b5 "a year earlier"
REG uz6 "Uzbekistan@6"
ORG uzd7 "UzDaily@7"
"""))

ARTICLES.append(dict(
id="blind3-502", name="502_azerbaijan_budget_2027", date="2026-10-15", outlet="APA",
lines=[
"BAKU, October 15 (APA) - Azerbaijan's state budget revenues for 2027 are projected at 37.8 billion manats ($22.2 bn), APA reports citing the draft law submitted to the Milli Majlis.",
"This is 4.6%, or 1.66 billion manats, more than in the approved budget for 2026.",
"For next year, budget expenditures are envisaged at 41.9 billion manats, the deficit – 4.1 billion manats, or 3.1% of GDP.",
"Of the expenditures, defence and national security will account for 8.3 billion manats, social protection – 6.05 billion, education – 3.4 billion, healthcare – 1.9 billion.",
"The State Oil Fund of Azerbaijan (SOFAZ) will transfer 12.2 billion manats to the budget against 13.5 billion manats this year.",
"Non-oil revenues of the budget will amount to AZN 22.7 bn, up 9.8%.",
"According to the Ministry of Finance, the share of non-oil revenues in total revenues will reach 60.1%.",
"The draft will be discussed at the plenary session in November.",
],
ann="""
REG baku "BAKU"
ORG apa0 "APA@0"
REG az "Azerbaijan@0"
IND rev "state budget revenues"
PER p0 "2027@0"
MON m0 "37.8 billion manats" 37.8e9 AZN I=rev P=p0 R=az
MON m0d "$22.2 bn" 22.2e9 USD I=rev P=p0 R=az EQ=m0
ORG apa1 "APA@0#2"
ORG mm "Milli Majlis"
PCT c1 "4.6%" 4.6 % I=rev CMP=b1
MON c1m "1.66 billion manats" 1.66e9 AZN I=rev CMP=b1
PER b1 "2026@1"
PER p2 "next year"
IND bexp "budget expenditures"
MON m2 "41.9 billion manats" 41.9e9 AZN I=bexp P=p2
IND def "deficit"
MON m3 "4.1 billion manats" 4.1e9 AZN I=def P=p2
PCT g3 "3.1%" 3.1 % I=def P=p2
IND exps "expenditures@3"
MON l1 "8.3 billion manats" 8.3e9 AZN I=exps
MON l2 "6.05 billion" 6.05e9 AZN I=exps
MON l3 "3.4 billion" 3.4e9 AZN I=exps
MON l4 "1.9 billion" 1.9e9 AZN I=exps
ORG sofaz "State Oil Fund of Azerbaijan"
ORG sofaz2 "SOFAZ"
MON t1 "12.2 billion manats" 12.2e9 AZN
MON t2 "13.5 billion manats" 13.5e9 AZN P=p4
PER p4 "this year"
IND nor "Non-oil revenues"
MON m5 "AZN 22.7 bn" 22.7e9 AZN I=nor
PCT c5 "9.8%" 9.8 % I=nor
ORG mof "Ministry of Finance"
IND shr "share of non-oil revenues"
PCT s6 "60.1%" 60.1 % I=shr
"""))

ARTICLES.append(dict(
id="blind3-503", name="503_georgia_nbg_rate", date="2026-09-09", outlet="Interpressnews",
lines=[
"TBILISI, September 9 (Interpressnews) - The National Bank of Georgia (NBG) on Wednesday left the refinancing rate unchanged at 8%, the Monetary Policy Committee said in a statement.",
"Inflation in Georgia rose to 3.4% in August from 2.9% in July, exceeding the 3% target.",
"According to Geostat, in August core inflation stood at 2.6%, while food prices grew by 5.8% year-on-year.",
"The NBG now expects the economy to grow by 7% in 2026 and by 5% in 2027.",
"In the second quarter, real GDP growth amounted to 8.2%, nominal GDP reached GEL 24.6 billion ($9.1 bn).",
"Bank lending grew by 16.3% year-on-year in July to GEL 61.2 bln, while the lari remained stable at around 2.70 per US dollar.",
"The next meeting of the committee will be held on October 28.",
"By Nino Kapanadze",
],
ann="""
REG tbs "TBILISI"
ORG ipn "Interpressnews"
ORG nbg "National Bank of Georgia"
ORG nbg2 "NBG@0"
PER d0 "Wednesday"
IND rr "refinancing rate"
PCT r0 "8%" 8 % I=rr P=d0
ORG mpc "Monetary Policy Committee"
IND inf "Inflation@1"
REG ge "Georgia@1"
PCT i1 "3.4%" 3.4 % I=inf P=aug R=ge
PER aug "August@1"
PCT i2 "2.9%" 2.9 % I=inf P=jul R=ge
PER jul "July@1"
PCT i3 "3%" 3 % I=inf R=ge
ORG geo "Geostat"
PER aug2 "August@2"
IND core "core inflation"
PCT c2 "2.6%" 2.6 % I=core P=aug2
IND food "food prices"
PCT f2 "5.8%" 5.8 % I=food P=aug2
ORG nbg3 "NBG@3"
IND eco "economy"
PCT g1 "7%" 7 % I=eco P=y26
PER y26 "2026@3"
PCT g2 "5%" 5 % I=eco P=y27
PER y27 "2027"
PER q2 "the second quarter"
IND rgdp "real GDP"
PCT q2g "8.2%" 8.2 % I=rgdp P=q2
IND ngdp "nominal GDP"
MON n1 "GEL 24.6 billion" 24.6e9 GEL I=ngdp P=q2
MON n2 "$9.1 bn" 9.1e9 USD I=ngdp P=q2 EQ=n1
IND bl "Bank lending"
PCT bl1 "16.3%" 16.3 % I=bl P=jul5
PER jul5 "July@5"
MON bl2 "GEL 61.2 bln" 61.2e9 GEL I=bl P=jul5
"""))

ARTICLES.append(dict(
id="blind3-504", name="504_poland_cpi_flash", date="2026-06-30", outlet="PAP",
lines=[
"WARSAW, June 30 (PAP) - Consumer prices in Poland rose by 3.6% year-on-year in June (3.9% in May), according to a flash estimate of Statistics Poland (GUS).",
"Month-on-month, prices increased by 0.2%.",
"Among components, food and non-alcoholic beverages rose by 4.4% y/y, energy carriers – by 1.7%, while fuels fell by 6.3%.",
"Core inflation, excluding food and energy prices, is estimated by economists at about 3.3% against 3.5% a month earlier.",
"The Monetary Policy Council (RPP) kept the reference rate at 4.75% at its meeting on June 3, with the rate unchanged since May 2025.",
"The zloty firmed to 4.21 per euro after the data.",
"Meanwhile, retail sales grew 5.1% in real terms in May compared with May 2025, while corporate-sector wages averaged PLN 8,912.40, up 6.8%.",
"Photo: PAP/Leszek Szymański",
],
ann="""
REG waw "WARSAW"
ORG pap "PAP@0"
IND cp "Consumer prices"
REG pl "Poland@0"
PCT c0 "3.6%" 3.6 % I=cp P=jun R=pl
PER jun "June@0#2"
PCT b0 "3.9%" 3.9 % I=cp P=may R=pl
PER may "May@0"
ORG gus1 "Statistics Poland"
ORG gus2 "GUS"
IND pr "prices@1"
PCT c1 "0.2%" 0.2 % I=pr
PCT k1 "4.4%" 4.4 % I=pr
PCT k2 "1.7%" 1.7 % I=pr
PCT k3 "6.3%" 6.3 % I=pr
IND core "Core inflation"
PCT ci "3.3%" 3.3 % I=core
PCT cj "3.5%" 3.5 % I=core P=me
PER me "a month earlier"
ORG mpc "Monetary Policy Council"
ORG rpp "RPP"
IND ref "reference rate"
PCT r1 "4.75%" 4.75 % I=ref P=d4
PER d4 "June 3"
IND rs "retail sales"
PCT rs1 "5.1%" 5.1 % I=rs P=may6 CMP=b6
PER may6 "May@6"
PER b6 "May 2025@6"
IND wg "corporate-sector wages"
MON w1 "PLN 8,912.40" 8912.40 PLN I=wg
PCT w2 "6.8%" 6.8 % I=wg
ORG pap7 "PAP@7"
"""))

ARTICLES.append(dict(
id="blind3-505", name="505_kenya_budget", date="2026-06-12", outlet="KNA",
lines=[
"NAIROBI, June 12 (KNA) – Treasury Cabinet Secretary John Mbadi on Thursday tabled a Sh4.29 trillion budget for FY2026/27 before the National Assembly.",
"Ordinary revenue is projected at Sh2.84 trillion, or 15.9 per cent of GDP, up from Sh2.63 trillion in the current fiscal year.",
"The fiscal deficit is expected to narrow to Sh901.2 billion (4.5 per cent of GDP) from 4.8 per cent.",
"Of the expenditure, ministries take Sh3.1 trillion, development projects – Sh760 billion, county transfers – Sh415 billion.",
"Debt service alone will gobble Sh1.72 trillion, this figure being 22 percent higher compared with 2025/26.",
"The CS said the economy is projected to expand by 5.3 per cent in 2026 against 4.9 per cent last year.",
"Kenya's public debt stood at KSh12.1 trillion (about $93.6 billion) as of March, according to the Central Bank of Kenya (CBK).",
"The shilling has held steady at 129 to the dollar since mid-2024.",
"Photo: KNA",
],
ann="""
REG nbo "NAIROBI"
ORG kna "KNA@0"
MON b0 "Sh4.29 trillion" 4.29e12 KES I=bud P=fy
IND bud "budget"
PER fy "FY2026/27"
ORG na "National Assembly"
IND orev "Ordinary revenue"
MON r1 "Sh2.84 trillion" 2.84e12 KES I=orev
PCT r2 "15.9 per cent" 15.9 % I=orev
MON r3 "Sh2.63 trillion" 2.63e12 KES I=orev P=cfy
PER cfy "the current fiscal year"
IND fd "fiscal deficit"
MON d1 "Sh901.2 billion" 901.2e9 KES I=fd
PCT d2 "4.5 per cent" 4.5 % I=fd
PCT d3 "4.8 per cent" 4.8 % I=fd
IND ex "expenditure"
MON e1 "Sh3.1 trillion" 3.1e12 KES I=ex
MON e2 "Sh760 billion" 760e9 KES I=ex
MON e3 "Sh415 billion" 415e9 KES I=ex
IND ds "Debt service"
MON s1 "Sh1.72 trillion" 1.72e12 KES I=ds
PCT s2 "22 percent" 22 % I=ds CMP=py
PER py "2025/26"
IND eco "economy"
PCT g1 "5.3 per cent" 5.3 % I=eco P=y26
PER y26 "2026@5"
PCT g2 "4.9 per cent" 4.9 % I=eco P=ly
PER ly "last year"
REG ke "Kenya@6"
IND pd "public debt"
MON pd1 "KSh12.1 trillion" 12.1e12 KES I=pd P=mar R=ke
MON pd2 "$93.6 billion" 93.6e9 USD I=pd P=mar R=ke EQ=pd1
PER mar "March"
ORG cbk "Central Bank of Kenya"
ORG cbk2 "CBK"
ORG kna2 "KNA@8"
"""))

ARTICLES.append(dict(
id="blind3-506", name="506_nigeria_foreign_trade_q2", date="2026-09-04", outlet="NAN",
lines=[
"ABUJA, Sept 4 (NAN) - Nigeria’s total merchandise trade stood at N38.46 trillion in the second quarter of 2026, showing an increase of 9.12 per cent over the value recorded in the preceding quarter and 31.4 per cent compared to Q2 2025.",
"The National Bureau of Statistics (NBS) said this in its Foreign Trade in Goods Statistics report released in Abuja on Wednesday.",
"Exports were valued at N22.15 trillion, imports – N16.31 trillion, resulting in a trade surplus of ₦5.84 trillion.",
"Crude oil exports accounted for 57.3 per cent of total exports, while non-crude oil exports stood at N9.46trn.",
"By destination, Nigeria exported goods mainly to Spain (N2.54 trillion), India (N2.13 trillion), France (N1.74 trillion), the Netherlands (N1.61 trillion) and Indonesia (N1.2 trillion).",
"Imports from China were worth N4.48 trillion or 27.5 per cent of the total.",
"The report said the agricultural goods export rose 41.7 per cent in the quarter to N1.06 trillion, driven by cocoa beans.",
"Photo credit: NAN/Ifeanyi Okoro",
],
ann="""
REG abj "ABUJA@0"
ORG nan "NAN@0"
REG ng "Nigeria@0"
IND mt "merchandise trade"
MON t0 "N38.46 trillion" 38.46e12 NGN I=mt P=q2 R=ng
PER q2 "the second quarter of 2026"
PCT c1 "9.12 per cent" 9.12 % I=mt P=q2 R=ng CMP=pq
PER pq "the preceding quarter"
PCT c2 "31.4 per cent" 31.4 % I=mt P=q2 R=ng CMP=b2
PER b2 "Q2 2025"
ORG nbs "National Bureau of Statistics"
ORG nbs2 "NBS"
REG abj2 "Abuja@1"
IND ex "Exports@2"
MON x1 "N22.15 trillion" 22.15e12 NGN I=ex
IND im "imports@2"
MON x2 "N16.31 trillion" 16.31e12 NGN I=im
IND ts "trade surplus"
MON x3 "₦5.84 trillion" 5.84e12 NGN I=ts
IND coe "Crude oil exports"
PCT sh "57.3 per cent" 57.3 % I=coe
IND ncoe "non-crude oil exports"
MON nc "N9.46trn" 9.46e12 NGN I=ncoe
REG ng4 "Nigeria@4"
REG es "Spain"
MON p1 "N2.54 trillion" 2.54e12 NGN R=ng4
REG in "India"
MON p2 "N2.13 trillion" 2.13e12 NGN R=ng4
REG fr "France"
MON p3 "N1.74 trillion" 1.74e12 NGN R=ng4
REG nl "Netherlands"
MON p4 "N1.61 trillion" 1.61e12 NGN R=ng4
REG id "Indonesia"
MON p5 "N1.2 trillion" 1.2e12 NGN R=ng4
IND imc "Imports@5"
REG cn "China"
MON i1 "N4.48 trillion" 4.48e12 NGN I=imc
PCT i2 "27.5 per cent" 27.5 % I=imc
IND age "agricultural goods export"
PCT a1 "41.7 per cent" 41.7 % I=age P=tq
PER tq "the quarter"
MON a2 "N1.06 trillion" 1.06e12 NGN I=age P=tq
ORG nan2 "NAN@7"
"""))

ARTICLES.append(dict(
id="blind3-507", name="507_india_gst_october", date="2026-11-01", outlet="PTI",
lines=[
"NEW DELHI, Nov 1 (PTI) Gross GST collections rose 8.9 per cent to Rs 1.97 lakh crore in October, compared with Rs 1.81 lakh crore in October 2025, official data released on Saturday showed.",
"Domestic revenue grew 7.6 per cent to ₹1.45 lakh crore, while GST from imports went up 12.4 per cent to Rs 52,318 crore.",
"Refunds during the month stood at Rs 24,840 crore, down 3 per cent.",
"Net GST revenue was ₹1.72 lakh crore (about USD 19.6 billion), a growth of 10.1 per cent.",
"Among states, Maharashtra topped with collections of Rs 31,642 crore, followed by Karnataka (Rs 13,910 crore), Gujarat – Rs 11,480 crore and Tamil Nadu – Rs 11,112 crore.",
"In April-October, GST collections touched Rs 14.76 lakh crore, 9.4% more than Rs 13.49 lakh crore a year ago.",
"Small traders with a turnover of up to Rs 40 lakh remain exempt from registration, the GST Council has said.",
"A Deloitte India official said festive demand lifted the numbers.",
],
ann="""
REG del "NEW DELHI"
ORG pti "PTI"
IND ggst "Gross GST collections"
PCT g1 "8.9 per cent" 8.9 % I=ggst P=oct CMP=g3
MON g2 "Rs 1.97 lakh crore" 1.97e12 INR I=ggst P=oct
PER oct "October@0"
MON g3 "Rs 1.81 lakh crore" 1.81e12 INR I=ggst P=oct25
PER oct25 "October 2025"
IND dr "Domestic revenue"
PCT d1 "7.6 per cent" 7.6 % I=dr
MON d2 "₹1.45 lakh crore" 1.45e12 INR I=dr
IND gi "GST from imports"
PCT d3 "12.4 per cent" 12.4 % I=gi
MON d4 "Rs 52,318 crore" 523.18e9 INR I=gi
IND rf "Refunds"
PER tm "the month"
MON r1 "Rs 24,840 crore" 248.4e9 INR I=rf P=tm
PCT r2 "3 per cent" 3 % I=rf P=tm
IND net "Net GST revenue"
MON n1 "₹1.72 lakh crore" 1.72e12 INR I=net
MON n2 "USD 19.6 billion" 19.6e9 USD I=net EQ=n1
PCT n3 "10.1 per cent" 10.1 % I=net
REG mh "Maharashtra"
IND col "collections@4"
MON s1 "Rs 31,642 crore" 316.42e9 INR I=col R=mh
REG ka "Karnataka"
MON s2 "Rs 13,910 crore" 139.1e9 INR I=col R=ka
REG gj "Gujarat"
MON s3 "Rs 11,480 crore" 114.8e9 INR I=col R=gj
REG tn "Tamil Nadu"
MON s4 "Rs 11,112 crore" 111.12e9 INR I=col R=tn
PER ao "April-October"
IND gc "GST collections@5"
MON c1 "Rs 14.76 lakh crore" 14.76e12 INR I=gc P=ao
PCT c2 "9.4%" 9.4 % I=gc P=ao CMP=c3
MON c3 "Rs 13.49 lakh crore" 13.49e12 INR I=gc P=ya
PER ya "a year ago"
IND to "turnover"
MON lk "Rs 40 lakh" 4e6 INR I=to
ORG gstc "GST Council"
ORG dl "Deloitte India"
"""))

ARTICLES.append(dict(
id="blind3-508", name="508_bangladesh_remittances", date="2026-08-03", outlet="BSS",
lines=[
"DHAKA, Aug 3 (BSS) - Expatriate Bangladeshis sent home $2.71 billion (around Tk 33,100 crore) in remittance in July, according to the latest data of Bangladesh Bank.",
"The inflow was 15.3 percent higher than $2.35 billion received in the same month last year.",
"Of the total, state-owned banks channelled $612 million, specialised banks – $48.6 mln, private commercial banks – $2.03 billion and foreign banks – $17.2 million.",
"The country's foreign exchange reserves rose from $29.9 billion a month ago to $31.4 billion on July 31, the central bank said.",
"Bangladesh received a record $30.3 billion in remittances in FY26, up 13.1% year-on-year, with Saudi Arabia, the UAE and the UK the top sources.",
"Bankers attribute the rise to the narrowing gap between official and kerb market rates of the taka, now at Tk 122.5 per dollar.",
"Photo: BSS",
],
ann="""
REG dhk "DHAKA"
ORG bss "BSS@0"
MON r0 "$2.71 billion" 2.71e9 USD I=rem P=jul
MON r0t "Tk 33,100 crore" 331e9 BDT I=rem P=jul EQ=r0
IND rem "remittance@0"
PER jul "July@0"
ORG bb "Bangladesh Bank"
IND inf "inflow"
PCT c1 "15.3 percent" 15.3 % I=inf CMP=b1
MON b1 "$2.35 billion" 2.35e9 USD I=inf P=sm
PER sm "the same month last year"
MON k1 "$612 million" 612e6 USD I=inf
MON k2 "$48.6 mln" 48.6e6 USD I=inf
MON k3 "$2.03 billion" 2.03e9 USD I=inf
MON k4 "$17.2 million" 17.2e6 USD I=inf
IND fxr "foreign exchange reserves"
MON f1 "$31.4 billion" 31.4e9 USD I=fxr P=j31
PER j31 "July 31"
MON f2 "$29.9 billion" 29.9e9 USD I=fxr P=mago
PER mago "a month ago"
REG bd "Bangladesh@4"
MON y1 "$30.3 billion" 30.3e9 USD I=rems P=fy R=bd
IND rems "remittances"
PER fy "FY26"
PCT y2 "13.1%" 13.1 % I=rems P=fy R=bd
REG sa "Saudi Arabia"
REG ae "UAE"
REG uk "UK"
ORG bss2 "BSS@6"
"""))

ARTICLES.append(dict(
id="blind3-509", name="509_vietnam_fdi_h1", date="2026-07-01", outlet="VNA",
lines=[
"HANOI, July 1 (VNA) – Total registered foreign direct investment (FDI) into Vietnam in the first half of 2026 reached 22.6 billion USD, up 4.8% year on year, the Foreign Investment Agency under the Ministry of Finance reported.",
"Disbursed FDI hit an estimated 11.9 billion USD, the highest six-month level in five years, rising 7.1% from the same period of 2025.",
"Newly-registered capital amounted to 9.2 billion USD, adjusted capital – 7.6 billion USD and capital contributions and share purchases – 5.8 billion USD.",
"Singapore led 87 investing countries and territories with registered capital of 6.4 billion USD, or 28.3% of the total, followed by the Republic of Korea and China.",
"Among localities, Ho Chi Minh City attracted the most FDI with 3.1 billion USD, followed by Bac Ninh (2.4 billion USD) and Hai Phong with 1.9 bln USD.",
"State budget revenue in the six months was estimated at 1,243 trillion VND (48.7 billion USD), or 63.4% of the annual estimate.",
"VNA/VNS Photo",
],
ann="""
REG han "HANOI"
ORG vna "VNA@0"
IND rfdi "registered foreign direct investment"
IND fdi0 "FDI@0"
REG vn "Vietnam@0"
PER h1 "the first half of 2026"
MON f1 "22.6 billion USD" 22.6e9 USD I=rfdi P=h1 R=vn
PCT f2 "4.8%" 4.8 % I=rfdi P=h1 R=vn
ORG fia "Foreign Investment Agency"
ORG mof "Ministry of Finance"
IND dfdi "Disbursed FDI"
MON d1 "11.9 billion USD" 11.9e9 USD I=dfdi
PCT d2 "7.1%" 7.1 % I=dfdi CMP=b1
PER b1 "the same period of 2025"
IND nrc "Newly-registered capital"
MON n1 "9.2 billion USD" 9.2e9 USD I=nrc
IND adj "adjusted capital"
MON n2 "7.6 billion USD" 7.6e9 USD I=adj
IND csp "capital contributions and share purchases"
MON n3 "5.8 billion USD" 5.8e9 USD I=csp
REG sg "Singapore"
IND rc "registered capital@3"
MON s1 "6.4 billion USD" 6.4e9 USD I=rc
PCT s2 "28.3%" 28.3 % I=rc
REG kr "Republic of Korea"
REG cn "China"
REG hcm "Ho Chi Minh City"
IND fdi4 "FDI@4"
MON l1 "3.1 billion USD" 3.1e9 USD I=fdi4 R=hcm
REG bn "Bac Ninh"
MON l2 "2.4 billion USD" 2.4e9 USD I=fdi4 R=bn
REG hp "Hai Phong"
MON l3 "1.9 bln USD" 1.9e9 USD I=fdi4 R=hp
IND sbr "State budget revenue"
PER sixm "the six months"
MON b5 "1,243 trillion VND" 1243e12 VND I=sbr P=sixm
MON b5u "48.7 billion USD" 48.7e9 USD I=sbr P=sixm EQ=b5
PCT b5s "63.4%" 63.4 % I=sbr P=sixm
ORG vna2 "VNA@6"
ORG vns "VNS"
"""))

ARTICLES.append(dict(
id="blind3-510", name="510_philippines_bsp_rate", date="2026-08-27", outlet="PNA",
lines=[
"MANILA, Aug. 27 (PNA) -- The Bangko Sentral ng Pilipinas (BSP) on Thursday cut its policy rate by 25 basis points to 4.5 percent, the fourth reduction since August 2025.",
"The overnight deposit rate and the overnight lending rate were likewise reduced to 4 percent and 5 percent, respectively.",
"BSP Governor Eli Remolona Jr. said the inflation outlook remains benign, with headline inflation seen averaging 2.4 percent in 2026 and 3.1 percent in 2027.",
"July inflation eased to 1.9 percent from 2.3 percent in June.",
"The Philippine economy expanded by 5.6 percent in the second quarter, faster than the revised 5.2 percent in the first three months.",
"Meanwhile, cash remittances from overseas Filipinos rose 3.2 percent to US$3.04 billion in June, bringing remittances in the first semester to $16.5 billion (about P941 billion).",
"Analysts at Metrobank see room for another policy rate cut of 25 bps.",
"(PNA) /RCG",
],
ann="""
REG mnl "MANILA"
ORG pna "PNA@0"
ORG bsp "Bangko Sentral ng Pilipinas"
ORG bsp1 "BSP@0"
PER thu "Thursday"
IND pr "policy rate@0"
PCT c1 "25 basis points" 0.25 pp I=pr P=thu
PCT c2 "4.5 percent" 4.5 % I=pr P=thu
IND odr "overnight deposit rate"
IND olr "overnight lending rate"
PCT o1 "4 percent" 4 % I=odr
PCT o2 "5 percent" 5 % I=olr
ORG bsp2 "BSP@2"
IND hi "headline inflation"
PCT h1 "2.4 percent" 2.4 % I=hi P=y26
PER y26 "2026@2"
PCT h2 "3.1 percent" 3.1 % I=hi P=y27
PER y27 "2027"
PER jul "July@3"
IND inf "inflation@3"
PCT j1 "1.9 percent" 1.9 % I=inf P=jul
PCT j2 "2.3 percent" 2.3 % I=inf P=jun
PER jun "June@3"
IND eco "economy"
PCT g1 "5.6 percent" 5.6 % I=eco P=q2
PER q2 "the second quarter"
PCT g2 "5.2 percent" 5.2 % I=eco P=ftm
PER ftm "the first three months"
IND cr "cash remittances"
PCT r1 "3.2 percent" 3.2 % I=cr P=jun5
MON r2 "US$3.04 billion" 3.04e9 USD I=cr P=jun5
PER jun5 "June@5"
IND rem "remittances@5#2"
PER fs "the first semester"
MON r3 "$16.5 billion" 16.5e9 USD I=rem P=fs
MON r4 "P941 billion" 941e9 PHP I=rem P=fs EQ=r3
ORG mb "Metrobank"
IND pr6 "policy rate@6"
PCT m1 "25 bps" 0.25 pp I=pr6
ORG pna2 "PNA@7"
"""))

ARTICLES.append(dict(
id="blind3-511", name="511_argentina_indec_cpi", date="2026-05-14", outlet="Noticias Argentinas",
lines=[
"BUENOS AIRES, May 14 (Noticias Argentinas) – Argentina's monthly inflation rose to 2.8% in April from 2.4% in March, the National Institute of Statistics and Census (INDEC) reported on Wednesday.",
"Annual inflation stood at 31.2%, the lowest since 2018.",
"In April, prices rose most in Education – 6.1%, Housing, water, electricity and gas – 4.3% and Transport – 3.5%, while Clothing rose only 0.9%.",
"In the first four months of the year, prices accumulated a rise of 11.6%.",
"In April, the index advanced 2.9% in Greater Buenos Aires (GBA) and 2.6% in Patagonia.",
"The Central Bank of the Argentine Republic (BCRA) kept its monetary policy rate at 29% per year.",
"The trade surplus reached US$1.42 billion in April, against US$ 897 million in the same month of 2025.",
"Exports climbed 14.6% to US$7.31 billion, imports fell 3.2% to US$5.89 billion.",
"The Ministry of Economy also announced that the primary surplus in April reached ARS 1.3 trillion (about US$1.1 bn), or 0.2% of GDP.",
],
ann="""
REG ba "BUENOS AIRES"
ORG na "Noticias Argentinas"
REG ar "Argentina"
IND mi "monthly inflation"
PCT m1 "2.8%" 2.8 % I=mi P=apr R=ar
PER apr "April@0"
PCT m2 "2.4%" 2.4 % I=mi P=mar R=ar
PER mar "March"
ORG indec "National Institute of Statistics and Census"
ORG indec2 "INDEC"
IND ai "Annual inflation"
PCT a1 "31.2%" 31.2 % I=ai
PER apr2 "April@2"
IND pr2 "prices@2"
PCT k1 "6.1%" 6.1 % I=pr2 P=apr2
PCT k2 "4.3%" 4.3 % I=pr2 P=apr2
PCT k3 "3.5%" 3.5 % I=pr2 P=apr2
PCT k4 "0.9%" 0.9 % I=pr2 P=apr2
PER f4 "the first four months of the year"
IND pr3 "prices@3"
PCT c3 "11.6%" 11.6 % I=pr3 P=f4
PER apr4 "April@4"
IND idx "index"
PCT x1 "2.9%" 2.9 % I=idx P=apr4 R=gba
REG gba "Greater Buenos Aires"
REG gba2 "GBA"
PCT x2 "2.6%" 2.6 % I=idx P=apr4 R=pat
REG pat "Patagonia"
ORG bcra "Central Bank of the Argentine Republic"
ORG bcra2 "BCRA"
IND mpr "monetary policy rate"
PCT r1 "29%" 29 % I=mpr
IND ts "trade surplus"
MON t1 "US$1.42 billion" 1.42e9 USD I=ts P=apr6
PER apr6 "April@6"
MON t2 "US$ 897 million" 897e6 USD I=ts P=sm
PER sm "the same month of 2025"
IND ex "Exports"
PCT e1 "14.6%" 14.6 % I=ex
MON e2 "US$7.31 billion" 7.31e9 USD I=ex
IND im "imports"
PCT e3 "3.2%" 3.2 % I=im
MON e4 "US$5.89 billion" 5.89e9 USD I=im
ORG mecon "Ministry of Economy"
IND ps "primary surplus"
PER apr8 "April@8"
MON p1 "ARS 1.3 trillion" 1.3e12 ARS I=ps P=apr8
MON p2 "US$1.1 bn" 1.1e9 USD I=ps P=apr8 EQ=p1
PCT p3 "0.2%" 0.2 % I=ps P=apr8
"""))

ARTICLES.append(dict(
id="blind3-512", name="512_saudi_budget_2027", date="2026-12-02", outlet="SPA",
lines=[
"RIYADH, December 2 (SPA) – The Council of Ministers approved on Tuesday the state budget for fiscal year 2027, with total expenditures estimated at SAR 1.31tn and revenues at SAR 1.17 trillion.",
"The budget deficit is projected at SAR 140 billion, equivalent to 3.1 percent of GDP, compared with an estimated deficit of SR 245 billion (5.3% of GDP) in 2026.",
"According to the Ministry of Finance statement, non-oil revenues are expected to rise to SR 545bn, while oil revenues are seen at 625 billion riyals.",
"Next year, real GDP is forecast to grow 4.6 percent, and non-oil GDP by 5.2 percent.",
"Public debt will reach 1.46 trillion riyals ($389 billion), or 30.8% of GDP, by the end of 2027.",
"By sector, allocations are: military – SR 256 billion, health and social development – SR 260 billion, education – 201 billion.",
"Custodian of the Two Holy Mosques King Salman chaired the session, held in Riyadh.",
"(Reporting by Saudi Press Agency)",
],
ann="""
REG ryd "RIYADH"
ORG spa "SPA"
ORG com "Council of Ministers"
PER fy "fiscal year 2027"
IND exp "expenditures"
MON e1 "SAR 1.31tn" 1.31e12 SAR I=exp P=fy
IND rev "revenues@0"
MON e2 "SAR 1.17 trillion" 1.17e12 SAR I=rev P=fy
IND bd "budget deficit"
MON d1 "SAR 140 billion" 140e9 SAR I=bd
PCT d2 "3.1 percent" 3.1 % I=bd
IND def "deficit@1#2"
MON d3 "SR 245 billion" 245e9 SAR I=def P=y26
PCT d4 "5.3%" 5.3 % I=def P=y26
PER y26 "2026@1"
ORG mof "Ministry of Finance"
IND nor "non-oil revenues"
MON o1 "SR 545bn" 545e9 SAR I=nor
IND oilr "oil revenues@2#2"
MON o2 "625 billion riyals" 625e9 SAR I=oilr
PER ny "Next year"
IND rgdp "real GDP"
PCT g1 "4.6 percent" 4.6 % I=rgdp P=ny
IND nog "non-oil GDP"
PCT g2 "5.2 percent" 5.2 % I=nog P=ny
IND pd "Public debt"
MON pd1 "1.46 trillion riyals" 1.46e12 SAR I=pd P=eoy
MON pd2 "$389 billion" 389e9 USD I=pd P=eoy EQ=pd1
PCT pd3 "30.8%" 30.8 % I=pd P=eoy
PER eoy "the end of 2027"
IND al "allocations"
MON a1 "SR 256 billion" 256e9 SAR I=al
MON a2 "SR 260 billion" 260e9 SAR I=al
MON a3 "201 billion" 201e9 SAR I=al
REG ryd2 "Riyadh@6"
ORG spa2 "Saudi Press Agency"
"""))
