import pandas as pd, numpy as np
D='/work/shared/data/'
"""Reference re-implementation (numpy/pandas) used to derive and cross-check the RCMIP-calibrated defaults.
Run: python3 tools/derive_defaults.py   (reads /work/shared/data)."""
# ---- ref.py ----
a1,b1,c1,d1=-2.4785e-07,0.00075906,-0.0021492,5.2488
a2,b2,c2,d2=-0.00034197,0.00025455,-0.00024357,0.12173
a3,b3,d3=-8.9603e-05,-0.00012462,0.045194
def co2(C,N,C0):
    camax=C0-b1/(2*a1)
    if C<=C0: ap=d1
    elif C<=camax: ap=d1+a1*(C-C0)**2+b1*(C-C0)
    else: ap=d1-b1**2/(4*a1)
    return (ap+c1*np.sqrt(N))*np.log(C/C0)
def ch4(M,N,M0): return (a3*np.sqrt(M)+b3*np.sqrt(N)+d3)*(np.sqrt(M)-np.sqrt(M0))
def n2o(C,M,N,N0): return (a2*np.sqrt(C)+b2*np.sqrt(N)+c2*np.sqrt(M)+d2)*(np.sqrt(N)-np.sqrt(N0))
print('F2x SARF', co2(2*278.3,270.1,278.3), 'ERF', 1.05*co2(2*278.3,270.1,278.3))
# AR6 2019
C,M,N=409.85,1866.3,332.1; C0,M0,N0=278.3,729.2,270.1
print('AR6 conc 2019: CO2',1.05*co2(C,N,C0),'CH4',0.86*ch4(M,N,M0),'N2O',1.07*n2o(C,M,N,N0))
print('h2o fraction', 0.05/(0.86*ch4(M,N,M0)))
g=pd.read_csv(D+'observations/ghg-concentration_global_igcc-assessment_synthesis_annual-mean-timeseries_IGCC-2025a.csv',index_col=0)
c19=g.loc[2019]; c0=g.loc[1750]
print('IGCC: CO2',1.05*co2(c19.CO2,c19.N2O,c0.CO2),'CH4',0.86*ch4(c19.CH4,c19.N2O,c0.CH4),'N2O',1.07*n2o(c19.CO2,c19.CH4,c19.N2O,c0.N2O))
e=pd.read_csv(D+'observations/ERF_best_1750-2024.csv',index_col=0)
r=e.loc[2019.5]
print(r[['CO2','CH4','N2O','O3','H2O_stratospheric','contrails','land_use','BC_on_snow','aerosol-radiation_interactions','aerosol-cloud_interactions']])
# ---- hal.py ----
g=pd.read_csv(D+'observations/ghg-concentration_global_igcc-assessment_synthesis_annual-mean-timeseries_IGCC-2025a.csv',index_col=0)
e=pd.read_csv(D+'observations/ERF_best_1750-2024.csv',index_col=0)
re={'HFC_125':0.23378,'HFC_134a':0.16714,'HFC_143a':0.168,'HFC_152a':0.10174,'HFC_227ea':0.27325,'HFC_23':0.19111,'HFC_236fa':0.25069,'HFC_245fa':0.24498,'HFC_32':0.11144,'HFC_365mfc':0.22813,'HFC_43_10mee':0.35731,'NF3':0.20448,'C2F6':0.26105,'C3F8':0.26999,'n_C4F10':0.36874,'n_C5F12':0.4076,'n_C6F14':0.44888,'C7F16':0.50312,'C8F18':0.55787,'CF4':0.09859,'c_C4F8':0.31392,'SF6':0.56657,'SO2F2':0.21074,'CCl4':0.16616,'CFC_11':0.25941,'CFC_113':0.30142,'CFC_114':0.31433,'CFC_115':0.24625,'CFC_12':0.31998,'CH2Cl2':0.02882,'CH3Br':0.00432,'CH3CCl3':0.06454,'CH3Cl':0.00466,'CHCl3':0.07357,'HCFC_141b':0.16065,'HCFC_142b':0.19329,'HCFC_22':0.21385,'Halon_1211':0.30014,'Halon_1301':0.29943,'Halon_2402':0.31169}
adj={'CFC_11':1.13,'CFC_12':1.12}
tot=0
for k,v in re.items():
    f=(g.loc[2019,k]-g.loc[1750,k])*v*1e-3*adj.get(k,1); tot+=f
print('our 40 (no halon1202 conc) total 2019', tot)
cols=list(e.columns)
i=cols.index('HFC-134a'); j=cols.index('O3')
print('IGCC all halogens 2019', e.loc[2019.5, cols[i:j]].sum())
extra=['CFC-13','CFC-112','CFC-112a','CFC-113a','CFC-114a','HCFC-133a','HCFC-31','HCFC-124','i-C6F14']
print('IGCC extras', e.loc[2019.5, extra].sum())
print('IGCC CFC-11', e.loc[2019.5,'CFC-11'], (g.loc[2019,'CFC_11'])*0.25941e-3)
print('IGCC CFC-12', e.loc[2019.5,'CFC-12'], (g.loc[2019,'CFC_12'])*0.31998e-3)
# ---- aer.py ----
df=pd.read_csv(D+'rcmip/rcmip-emissions-annual-means-v5-1-0-ssp-only.csv')
h=df[(df.Scenario=='ssp245')&(df.Region=='World')]
def get(v): return h[h.Variable==v].loc[:, '1750':'2100'].astype(float).interpolate(axis=1).values[0]
E={k:get(v) for k,v in [('SO2','Emissions|Sulfur'),('BC','Emissions|BC'),('OC','Emissions|OC'),('NH3','Emissions|NH3'),('NOx','Emissions|NOx'),('VOC','Emissions|VOC'),('CO','Emissions|CO'),('av','Emissions|NOx|MAGICC Fossil and Industrial|Aircraft'),('lu','Emissions|CO2|MAGICC AFOLU')]}
i=lambda y:y-1750
s=slice(i(2005),i(2014)+1)
# AR6 ch7 per-species ERFari for 2005-2014 vs 1750 (notebook 080 cell 17)
tgt={'BC':0.3,'OC':-0.09,'SO2':-0.4,'NH3':-0.11}
beta={k:tgt[k]/(E[k][s].mean()-E[k][0]) for k in tgt}
print('ari betas RCMIP', {k:repr(v) for k,v in beta.items()})
ari=sum(beta[k]*(E[k]-E[k][0]) for k in beta)
print('ari 2005-14',ari[s].mean(),'2019',ari[i(2019)])
fair={'SO2':-0.0036167830509091486,'BC':0.0507748226795483,'OC':-0.006214374446217472,'NH3':-0.0020809236231100624}
print('ratio fair/ours', {k:fair[k]/beta[k] for k in beta})
def aci(b): 
    x=-b*np.log(1+E['SO2']/260.34644166+(E['BC']+E['OC'])/111.05064063); return x-x[0]
u=aci(1.0); b=-1.0/u[s].mean(); print('aci beta', repr(b), 'ar6',2.09841432)
print('aci 2005-14', aci(b)[s].mean(), '2019', aci(b)[i(2019)], 'ar6 beta 2019', aci(2.09841432)[i(2019)])
print('contrails coeff 0.0574/av2018', repr(0.0574/E['av'][i(2018)]), 'av2018',E['av'][i(2018)], 'fair2',0.014664524)
print('bc snow', repr(0.08/(E['BC'][i(2019)]-E['BC'][0])), 'fair2 0.011585926')
lu=E['lu']/1000.0 # GtCO2
cum=np.cumsum(lu)
for name,val in [('sum1750..2019',cum[i(2019)]),('sum1750..2018',cum[i(2018)]),('sum1751..2019',cum[i(2019)]-lu[0]), ('sum1751..2018',cum[i(2018)]-lu[0])]:
    print(name,val,-0.2/val)
print('fair2 -0.00028729 -> ', -0.2/-0.00028729)
# ozone
# ---- o3.py ----
g=pd.read_csv(D+'observations/ghg-concentration_global_igcc-assessment_synthesis_annual-mean-timeseries_IGCC-2025a.csv',index_col=0)
df=pd.read_csv(D+'rcmip/rcmip-emissions-annual-means-v5-1-0-ssp-only.csv')
h=df[(df.Scenario=='ssp245')&(df.Region=='World')]
def get(v): return h[h.Variable==v].loc[:, '1750':'2100'].astype(float).interpolate(axis=1).values[0]
E={k:get(v) for k,v in [('NOx','Emissions|NOx'),('VOC','Emissions|VOC'),('CO','Emissions|CO')]}
fr={'CFC_11':(0.47,3,0),'CFC_12':(0.23,2,0),'CFC_113':(0.29,3,0),'CFC_114':(0.12,2,0),'CFC_115':(0.04,1,0),'HCFC_22':(0.13,1,0),'HCFC_141b':(0.34,2,0),'HCFC_142b':(0.17,1,0),'CCl4':(0.56,4,0),'CHCl3':(0,3,0),'CH2Cl2':(0,2,0),'CH3Cl':(0.44,1,0),'CH3CCl3':(0.67,3,0),'CH3Br':(0.6,0,1),'Halon_1211':(0.62,1,1),'Halon_1301':(0.28,0,1),'Halon_2402':(0.65,0,2)}
def eesc(y,br=45): return sum(f*(cl+br*b)*g.loc[y,k] for k,(f,cl,b) in fr.items())
for y in [1750,2014,2019]: print(y,'EESC',eesc(y), eesc(y,60))
i=lambda y:y-1750
def o3(y,br=45):
    return (1.75e-4*(g.loc[y,'CH4']-g.loc[1750,'CH4'])+7.1e-4*(g.loc[y,'N2O']-g.loc[1750,'N2O'])-1.25e-4*(eesc(y,br)-eesc(1750,br))
      +1.55e-4*(E['CO'][i(y)]-E['CO'][0])+3.29e-4*(E['VOC'][i(y)]-E['VOC'][0])+1.797e-3*(E['NOx'][i(y)]-E['NOx'][0]))
print('O3 2019 (no T feedback)', o3(2019), 'br60', o3(2019,60))
print('O3 2014', o3(2014))
print('terms 2019', 1.75e-4*(g.loc[2019,'CH4']-g.loc[1750,'CH4']),7.1e-4*(g.loc[2019,'N2O']-g.loc[1750,'N2O']),-1.25e-4*(eesc(2019)-eesc(1750)),1.55e-4*(E['CO'][i(2019)]-E['CO'][0]),3.29e-4*(E['VOC'][i(2019)]-E['VOC'][0]),1.797e-3*(E['NOx'][i(2019)]-E['NOx'][0]))
